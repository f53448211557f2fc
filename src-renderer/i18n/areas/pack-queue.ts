/**
 * Messages of the packing queue, opening an order by its code, and the screen after an order is
 * packed, in the three languages, merged into the catalogues (en.ts, es.ts, pt-BR.ts). Keys start
 * with `pack.home.`, `pack.queue.`, `pack.code.` or `pack.done.`; the catalogue test checks all three match.
 */
export const packQueueEn = {
  'pack.home.open': 'Order {number} is open at this bench',
  'pack.home.continue': 'Continue packing',
  'pack.queue.title': 'Orders to pack',
  'pack.queue.scanHint': 'Scan an order, packing slip or tote to start',
  'pack.queue.search': 'Search order or customer',
  'pack.queue.filter.all': 'All',
  'pack.queue.filter.urgent': 'Urgent',
  'pack.queue.filter.overdue': 'Overdue',
  'pack.queue.empty': 'No orders match.',
  'pack.queue.open': 'Pack',
  'pack.queue.labelPending': 'Packed, label not printed',
  'pack.queue.reprint': 'Reprint',
  'pack.code.label': 'Scan or type a code',
  'pack.code.submit': 'Enter',
  'pack.back': 'Home',
  'pack.commandSheet': 'Command sheet (PDF)',
  'pack.done.title': 'Order {number} packed',
  'pack.done.next': 'Scan the next order',
} as const;

export const packQueueEs = {
  'pack.home.open': 'El pedido {number} está abierto en este puesto',
  'pack.home.continue': 'Seguir empacando',
  'pack.queue.title': 'Pedidos para empacar',
  'pack.queue.scanHint': 'Escanea un pedido, lista de empaque o caja de picking para empezar',
  'pack.queue.search': 'Buscar pedido o cliente',
  'pack.queue.filter.all': 'Todos',
  'pack.queue.filter.urgent': 'Urgentes',
  'pack.queue.filter.overdue': 'Atrasados',
  'pack.queue.empty': 'Ningún pedido coincide.',
  'pack.queue.open': 'Empacar',
  'pack.queue.labelPending': 'Empacado, etiqueta sin imprimir',
  'pack.queue.reprint': 'Reimprimir',
  'pack.code.label': 'Escanea o escribe un código',
  'pack.code.submit': 'Entrar',
  'pack.back': 'Inicio',
  'pack.commandSheet': 'Hoja de comandos (PDF)',
  'pack.done.title': 'Pedido {number} empacado',
  'pack.done.next': 'Escanea el siguiente pedido',
} satisfies Record<keyof typeof packQueueEn, string>;

export const packQueuePtBR = {
  'pack.home.open': 'O pedido {number} está aberto nesta bancada',
  'pack.home.continue': 'Continuar embalando',
  'pack.queue.title': 'Pedidos para embalar',
  'pack.queue.scanHint': 'Leia um pedido, romaneio ou caixa de separação para começar',
  'pack.queue.search': 'Buscar pedido ou cliente',
  'pack.queue.filter.all': 'Todos',
  'pack.queue.filter.urgent': 'Urgentes',
  'pack.queue.filter.overdue': 'Atrasados',
  'pack.queue.empty': 'Nenhum pedido encontrado.',
  'pack.queue.open': 'Embalar',
  'pack.queue.labelPending': 'Embalado, etiqueta não impressa',
  'pack.queue.reprint': 'Reimprimir',
  'pack.code.label': 'Leia ou digite um código',
  'pack.code.submit': 'Entrar',
  'pack.back': 'Início',
  'pack.commandSheet': 'Folha de comandos (PDF)',
  'pack.done.title': 'Pedido {number} embalado',
  'pack.done.next': 'Leia o próximo pedido',
} satisfies Record<keyof typeof packQueueEn, string>;
