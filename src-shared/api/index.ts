export * from './names';
export * from './contract';
export * from './result';
export * from './bridge';
export * from './wire';
