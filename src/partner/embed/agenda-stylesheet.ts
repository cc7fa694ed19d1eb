/**
 * The embedded agenda's one style sheet, for the embed page (inline, allowed by its hash) and the <agenda-embed>
 * web component (adopted by its shadow root). The page sets the custom properties on :root, with a dark scheme;
 * in the component they come from the partner's page, else the fallbacks: --agenda-font, --agenda-accent,
 * --agenda-text, --agenda-muted, --agenda-background, --agenda-border, --agenda-radius. `:root`, `body` and
 * `main` only match on the page, `:host` and `.wrap` only in the component.
 */
export const AGENDA_CSS = `
:root{--agenda-accent:#1d4ed8;--agenda-text:#1f2937;--agenda-muted:#4b5563;--agenda-border:#e5e7eb;--agenda-background:#fff;--agenda-soft:#f3f4f6;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--agenda-accent:#93c5fd;--agenda-text:#f3f4f6;--agenda-muted:#d1d5db;--agenda-border:#374151;--agenda-background:#111827;--agenda-soft:#1f2937}}
*{box-sizing:border-box}
:host,body{font-family:var(--agenda-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);line-height:1.5;color:var(--agenda-text,#1f2937);background:var(--agenda-background,transparent)}
:host{display:block}
:host([hidden]){display:none}
body{margin:0;font-size:16px}
main{max-width:56rem;margin:0 auto;padding:1rem}
.wrap{border:1px solid var(--agenda-border,#e5e7eb);border-radius:var(--agenda-radius,.5rem);padding:1rem}
#event-title{font-size:clamp(1.35em,3.5vw,2em);line-height:1.2;margin:0 0 .5rem}
:host #event-title{font-size:1.35em}
#key-speakers,#agenda{font-size:1.15em;margin:1.75rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--agenda-accent,#1d4ed8)}
p{margin:.25rem 0}
.meta,.role,.detail,.when,.notes,.invited,.note{color:var(--agenda-muted,#4b5563)}
.status{display:inline-block;font-weight:700;color:#fff;background:#b91c1c;border-radius:.25rem;padding:0 .5rem}
.sectors,.speakers,.keys,.items,.tags,.links{list-style:none;margin:0;padding:0}
.sectors{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0}
.tags,.links{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0}
.tags li{border:1px solid var(--agenda-border,#e5e7eb);border-radius:999px;padding:0 .6rem;font-size:.8em;color:var(--agenda-muted,#4b5563)}
.sectors li{background:var(--agenda-soft,transparent);border:1px solid var(--agenda-border,#e5e7eb);border-radius:999px;padding:.05rem .7rem;font-size:.875em}
.keys{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem}
.keys li{border:1px solid var(--agenda-border,#e5e7eb);border-radius:var(--agenda-radius,.5rem);padding:.6rem .8rem}
.name{font-weight:600}
.item{display:grid;grid-template-columns:6.5rem 1fr;gap:.25rem 1rem;padding:.9rem 0;border-top:1px solid var(--agenda-border,#e5e7eb)}
.item:first-child{border-top:0}
.item h3,.item h4{font-size:1.05em;margin:.1rem 0 .35rem}
.when{font-variant-numeric:tabular-nums}
.label{color:var(--agenda-accent,#1d4ed8);font-weight:700;font-size:.8em;text-transform:uppercase;letter-spacing:.04em}
.points{margin:.35rem 0;padding-left:1.2rem}
.points li{margin:.15rem 0}
.notes,.invited,.note{font-style:italic}
.break h3,.break h4{font-weight:500;color:var(--agenda-muted,#4b5563)}
.note{margin-top:1.5rem}
a{color:var(--agenda-accent,#1d4ed8)}
.many-days .item{grid-template-columns:8.5rem 1fr}
.untimed .item{grid-template-columns:1fr}
@media (max-width:36rem){.items .item{grid-template-columns:1fr}.when:empty{display:none}}
`.trim();
