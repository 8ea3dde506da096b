// Public API of the X12 engine: a flat list of re-exports. Add one line per module.
export * from './syntax/types';
export * from './syntax/elements';
export * from './syntax/tokenize';
export * from './syntax/segment-scanner';
export * from './syntax/segment-writer';
export * from './syntax/diagnostic-codes';
export * from './envelope/types';
export * from './envelope/envelope-events';
export * from './envelope/envelope-assembler';
export * from './envelope/interchange-writer';
export * from './envelope/diagnostic-codes';
export * from './read';
