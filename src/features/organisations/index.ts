export { createApiToken } from './api-tokens.service.ts';
