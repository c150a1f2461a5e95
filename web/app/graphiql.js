// Starts GraphiQL on the page that api/web.py serves at GET /graphql.
// React, ReactDOM and GraphiQL are globals loaded by the <script> tags before this one.

const EXAMPLE_QUERY = `# Segments of the workspace with their sizes.
# Run with Ctrl-Enter; the Docs pane lists every type and field.
query Segments {
  segments(first: 20) {
    totalCount
    edges {
      node { id name customerCount countedAt isDefault }
    }
  }
}
`;

const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
const root = ReactDOM.createRoot(document.getElementById("graphiql"));
root.render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: EXAMPLE_QUERY,
    defaultEditorToolsVisibility: true,
  }),
);
