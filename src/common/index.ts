export * from './errors/domain-error';
export * from './clock';
export * from './ids';
export * from './logging/logger';
export * from './logging/nest-logger';
export * from './http/request-context';
export * from './http/exception.filter';
export * from './http/validation';
