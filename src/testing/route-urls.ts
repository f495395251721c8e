/** Fills route parameters with values that exist, so that a refusal is about access, not a 404. */
export function concreteUrl(url: string, code = 'GM0599'): string {
  return url
    .replace(':code', code)
    .replace(':userId', '1')
    .replace(':scanId', '1')
    .replace(':themeId', 'ethics')
    .replace(':tokenId', '1')
    .replace(':token', 'x')
    .replace(':network', 'mrdh')
    .replace(':strategyId', '1')
    .replace(':actionId', '1')
    .replace(':practiceId', '1')
    .replace(':attachmentId', '1')
    .replace(':documentId', '1')
    .replace(':letterId', '1')
    .replace(':sessionId', '1')
    .replace(':registrationId', '1')
    .replace(':questionId', '1')
    .replace(':id', '1')
    .replace('*', 'app.css');
}
