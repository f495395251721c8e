export { oidcConnections, oidcMailDomains } from './sign-on.tables.ts';
