/** The link a speaker opens: PUBLIC_URL + /invitations/<secret> (its secret: common/link-secrets.ts). */
export const invitationUrl = (publicBase: string, secret: string): string => `${publicBase}/invitations/${secret}`;
