// The page the store screenshots show RLS Lens on: a reader's blog post about restless legs, as people find them
// all over the web. Written for the project (no one else's text), every statement true and plain (checked against
// NINDS and MedlinePlus: RLS, iron stores and ferritin, dopamine, secondary RLS in pregnancy and kidney disease),
// and none of it advice. Used only by scripts/release/store-assets.mjs.
export function storePage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Evenings with restless legs — Slow Mornings</title>
<style>
  :root { color-scheme: light; }
  body { margin: 0; font: 19px/1.6 Georgia, 'DejaVu Serif', serif; color: #22262b; background: #f7f5f0; }
  header { background: #fff; border-bottom: 1px solid #e4e0d8; position: sticky; top: 0; }
  .bar { max-width: 60rem; margin: 0 auto; padding: 0.9rem 1.5rem; display: flex; align-items: baseline; gap: 2rem;
         font: 600 15px/1.2 system-ui, 'DejaVu Sans', sans-serif; }
  .brand { font: 700 22px/1 Georgia, 'DejaVu Serif', serif; color: #3b4a3f; margin-right: auto; }
  nav a { color: #59605f; text-decoration: none; margin-left: 1.4rem; }
  main { max-width: 42rem; margin: 1.4rem auto; padding: 0 1.5rem; }
  .meta { font: 14px/1.4 system-ui, 'DejaVu Sans', sans-serif; color: #6b7075; margin: 0 0 1.6rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; color: #1d2126; }
  h2 { font-size: 1.3rem; margin: 2rem 0 0.4rem; }
  p { margin: 0 0 1.1rem; }
  /* Room to scroll a term up a little, so its tooltip fits in the window. */
  body::after { content: ''; display: block; height: 30vh; }
</style></head><body>
<header><div class="bar"><span class="brand">Slow Mornings</span><nav><a href="#">Sleep</a><a href="#">Health notes</a><a href="#">About</a></nav></div></header>
<main><article>
<h1>Evenings with restless legs: what I learned this year</h1>
<p class="meta">Health notes · 6 min read</p>
<p>For months, every evening ended the same way: an urge to move my legs that would not let me sit still. It had
a name, my doctor told me — restless legs syndrome, or RLS.</p>
<p>The first thing she asked for was a blood test for ferritin, the protein that stores iron. Low iron stores,
even with a normal blood count, are one of the best-known links to RLS, so that number comes up again and again in the
forums I read.</p>
<h2>Why the brain comes into it</h2>
<p>She also explained that dopamine, a neurotransmitter the brain uses to control movement, is part of the
picture, and that the symptoms follow a daily rhythm: they are usually worst in the evening and at night.</p>
<p>RLS can also come with something else, such as pregnancy or chronic kidney disease; then it is called
secondary RLS. Reading about it has helped me ask better questions at my appointments.</p>
</article></main></body></html>`;
}
