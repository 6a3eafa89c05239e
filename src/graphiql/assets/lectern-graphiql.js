/* global React:false ReactDOM:false GraphiQL:false */
/*
 * Mounts GraphiQL (its UMD build, loaded before this script from Lectern's own /graphiql/ files)
 * on #graphiql. It opens with a Lectern query and, in the headers editor, where an organiser's
 * token goes. Requests go to Lectern's own GraphQL endpoint: POST over HTTP, and subscriptions
 * over a WebSocket to the same address.
 */
(function () {
  'use strict';

  var EXAMPLE_QUERY = [
    '# A speaker across conferences, with the title they had at each.',
    '# Run it with ▶ (Ctrl-Enter); Docs lists every field.',
    '#',
    '# Public reads need no token. Organisers: yours goes',
    '# in Headers below, in place of <token>.',
    '',
    'query SpeakerAcrossConferences {',
    '  speaker(slug: "erik-sandstrom") {',
    '    name',
    '    bio(locale: "en")',
    '    appearances {',
    '      role',
    '      title',
    '      organisation',
    '      session {',
    '        title',
    '        localStartsAt',
    '        timeZone',
    '        conference {',
    '          name',
    '        }',
    '      }',
    '    }',
    '    interviews {',
    '      slug',
    '      title',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  /** The hint in the headers editor: an organiser replaces <token> with theirs. */
  var TOKEN_HINT = 'Bearer <token>';
  var EXAMPLE_HEADERS = JSON.stringify({ Authorization: TOKEN_HINT }, null, 2);

  /** The headers without an Authorization header that is still the hint (a public reader's). */
  function withoutHint(headers) {
    if (!headers || typeof headers !== 'object') return headers;
    var kept = {};
    Object.keys(headers).forEach(function (name) {
      if (!(name.toLowerCase() === 'authorization' && headers[name] === TOKEN_HINT)) kept[name] = headers[name];
    });
    return kept;
  }

  var element = document.getElementById('graphiql');
  var endpoint = new URL(element.getAttribute('data-endpoint'), window.location.href);
  var subscriptions = new URL(endpoint.href);
  subscriptions.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

  var fetcher = GraphiQL.createFetcher({ url: endpoint.href, subscriptionUrl: subscriptions.href });
  function lecternFetcher(params, options) {
    return fetcher(params, options ? Object.assign({}, options, { headers: withoutHint(options.headers) }) : options);
  }

  // A link to /graphql?query=… opened in a browser comes here with its parameters.
  var link = new URLSearchParams(window.location.search);

  ReactDOM.createRoot(element).render(
    React.createElement(GraphiQL, {
      fetcher: lecternFetcher,
      defaultQuery: EXAMPLE_QUERY,
      query: link.get('query') || undefined,
      variables: link.get('variables') || undefined,
      operationName: link.get('operationName') || undefined,
      defaultHeaders: EXAMPLE_HEADERS,
      defaultEditorToolsVisibility: 'headers',
      // Tokens stay out of the browser's storage.
      shouldPersistHeaders: false,
    }),
  );
})();
