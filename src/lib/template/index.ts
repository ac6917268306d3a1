export * from './versions';
export * from './states';
export * from './labels';
export * from './tables';
export * from './cells';
export * from './rules';
export * from './kinds';
export * from './measures';
