import type { ApolloServerPlugin } from '@apollo/server';
import { DEMO_QUERY } from './demo-query.js';

const escapeScript = (value: string): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * Serves GraphiQL at GET /graphql for browsers, from assets this service ships (see playground.controller.ts):
 * it works with no internet access, unlike Apollo's default landing page.
 */
export function graphiqlLandingPage(endpoint: string): ApolloServerPlugin {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Agenda API — GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${escapeScript(endpoint)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${escapeScript(DEMO_QUERY)}, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}
