/**
 * The demo store and the station's demo seed must name the same order lines, so a fulfilment the
 * station sends names lines the store knows. Both build line ids here.
 */
export const demoLineExternalId = (orderNumber: string, lineNo: number): string => `${orderNumber}/${lineNo}`;
export const demoReturnItemExternalId = (rmaNumber: string, itemNo: number): string => `${rmaNumber}/${itemNo}`;
