import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEMO_QUERY } from './demo-query.js';

const escapeScript = (value: string): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * GraphiQL at GET /graphql for browsers, from assets this service ships (see playground.controller.ts): it works
 * with no internet access, unlike Apollo's default landing page. `csp` is the Content-Security-Policy to send with
 * it (bootstrap.ts): scripts from this origin and the one inline script below, and no framing by other sites.
 */
export function graphiqlPage(endpoint: string): { html: string; csp: string } {
  const script = `
    // Signing in is one mutation: the token a login returns is kept and sent with every later request
    // (unless the Headers tab sets Authorization itself). Sign out with the link at the top right.
    const TOKEN = 'agenda-api-token';
    const fetcher = async (params, options) => {
      const headers = { 'content-type': 'application/json', accept: 'application/json', ...(options && options.headers) };
      const token = localStorage.getItem(TOKEN);
      if (token && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
        headers.Authorization = 'Bearer ' + token;
      }
      const response = await fetch(${escapeScript(endpoint)}, { method: 'POST', headers, body: JSON.stringify(params) });
      const result = await response.json();
      const login = result && result.data && result.data.login;
      if (login && login.token) localStorage.setItem(TOKEN, login.token);
      if (result && result.errors && result.errors.some((e) => e.extensions && e.extensions.code === 'UNAUTHENTICATED')) {
        if (token && !login) localStorage.removeItem(TOKEN);
      }
      showUser();
      return result;
    };
    function showUser() {
      const bar = document.getElementById('signed-in');
      const token = localStorage.getItem(TOKEN);
      bar.hidden = !token;
    }
    document.getElementById('sign-out').addEventListener('click', () => {
      localStorage.removeItem(TOKEN);
      showUser();
    });
    showUser();
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${escapeScript(DEMO_QUERY)}, defaultEditorToolsVisibility: true }),
    );
`;
  const hash = createHash('sha256').update(script).digest('base64');
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Agenda API — GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/graphiql/graphiql.min.css">
  <style>
    html, body, #graphiql { height: 100%; margin: 0; }
    #signed-in { position: fixed; top: 6px; right: 12px; z-index: 10; font: 12px system-ui, sans-serif;
      background: #eef6ee; border: 1px solid #9c9; border-radius: 4px; padding: 2px 6px; }
  </style>
</head>
<body>
  <div id="signed-in" hidden>Signed in: requests carry your token. <button id="sign-out" type="button">Sign out</button></div>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script>${script}</script>
</body>
</html>`;
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return { html, csp };
}

export function graphiqlLandingPage(page: { html: string }): ApolloServerPlugin {
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html: page.html }) });
    },
  };
}

/** The playground of this service, at its GraphQL path. */
export const PLAYGROUND_PAGE = graphiqlPage('/graphql');
