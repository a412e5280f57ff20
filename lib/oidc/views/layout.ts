/**
 * HTML for the authorization server's own pages: those oidc-provider renders (errors, device flow,
 * logout) and the sign-in and consent pages under /interaction. They carry the "Authorization Server"
 * banner and a small inline stylesheet: they are the server's pages, not the playground app's.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const AUTHORIZATION_SERVER_STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f1f5f9;color:#0f172a}
header{background:#3b0764;color:#fff;padding:.75rem 1.5rem;display:flex;gap:.75rem;align-items:baseline}
header strong{font-size:1.05rem}header span{color:#e9d5ff;font-size:.9rem}
main{max-width:32rem;margin:2.5rem auto;padding:2rem;background:#fff;border:1px solid #cbd5e1;border-radius:.75rem}
h1{font-size:1.5rem;margin:0 0 1rem}p{margin:.5rem 0 1rem}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=text]{width:100%;padding:.6rem .75rem;border:1px solid #64748b;border-radius:.5rem;font-size:1.25rem;letter-spacing:.1em;text-transform:uppercase}
button{margin-top:1rem;padding:.6rem 1.25rem;border-radius:.5rem;border:0;background:#6b21a8;color:#fff;font-weight:600;font-size:1rem;cursor:pointer}
button.secondary{background:#e2e8f0;color:#0f172a}
:focus-visible{outline:3px solid #92400e;outline-offset:2px;box-shadow:0 0 0 2px #ffffff}
.error{border-left:4px solid #b91c1c;background:#fef2f2;padding:.75rem 1rem;border-radius:.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;word-break:break-word}
a{color:#6b21a8}
.field{display:block;width:100%;margin-bottom:1rem;padding:.5rem .75rem;border:1px solid #64748b;border-radius:.5rem;font-size:1rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}.actions button{margin-top:0}
.status{background:#fffbeb;color:#451a03;padding:.75rem 1rem;border-radius:.25rem}
.note{font-size:.9rem;color:#334155;margin-top:1.5rem}
ul.scopes{list-style:none;padding:0;margin:0 0 1rem}ul.scopes li{border:1px solid #e2e8f0;border-radius:.25rem;padding:.5rem .75rem;margin-bottom:.5rem}
ul.scopes span{display:block;font-size:.875rem;color:#475569}
html.present{font-size:24px}html.present body{font-size:1rem}html.present main{max-width:48rem}
html.present :is(button,.field,.note,ul.scopes span,header span,header strong){font-size:1rem}`;

/**
 * A page in the authorization server's look; `present` enlarges it for a projector (the walkthrough is
 * in presenter view). `script` runs inline: the caller allows it in the page's
 * Content Security Policy with `allowInlineScript` (lib/oidc/content-security-policy.ts).
 */
export function authorizationServerPage(
  title: string,
  body: string,
  options: { status?: string; script?: string; present?: boolean } = {},
): string {
  return `<!DOCTYPE html>
<html lang="en"${options.present ? ' class="present"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Authorization Server · OAuth2 Playground</title><style>${AUTHORIZATION_SERVER_STYLE}</style></head>
<body><header role="banner"><strong>Authorization Server</strong><span>OAuth2 Playground · issuer /oidc${
    options.status ? ` · ${escapeHtml(options.status)}` : ''
  }</span></header>
<main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/">Back to the playground</a></p></main>${
    options.script ? `<script>${options.script}</script>` : ''
  }</body></html>`;
}
