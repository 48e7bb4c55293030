/** A public page: escaped text, share-preview tags, small inline styles readable on a phone. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function page(p: { title: string; description: string; url: string; image?: string | null; body: string }): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)} – Dân vận khéo</title>
<meta name="description" content="${esc(p.description)}">
<link rel="canonical" href="${esc(p.url)}">
<meta property="og:type" content="article"><meta property="og:title" content="${esc(p.title)}">
<meta property="og:description" content="${esc(p.description)}"><meta property="og:url" content="${esc(p.url)}">
${p.image ? `<meta property="og:image" content="${esc(p.image)}"><meta name="twitter:card" content="summary_large_image">` : '<meta name="twitter:card" content="summary">'}
<style>
body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#faf7f2}
header{background:#b71c1c;color:#fff;padding:12px 16px;font-weight:700}header a{color:#fff;text-decoration:none}
main{max-width:1000px;margin:0 auto;padding:16px}h1{font-size:24px;color:#8b1010;margin:8px 0 12px}h2{font-size:19px;color:#8b1010}
.meta{color:#555;margin:4px 0}.filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:16px}
.filters input{flex:1 1 100%;box-sizing:border-box;font-size:16px;padding:8px;border:1px solid #ccc;border-radius:6px}
.filters select,.filters button{font-size:16px;padding:8px;border:1px solid #ccc;border-radius:6px;background:#fff;max-width:100%}
.filters button{background:#b71c1c;color:#fff;border-color:#b71c1c}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
.card{display:block;background:#fff;border:1px solid #eadfce;border-radius:8px;overflow:hidden;color:inherit;text-decoration:none}
.card img,.noimg{width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;display:block;background:#f0e6d6}
.noimg{display:flex;align-items:center;justify-content:center;color:#c9a86a;font-weight:700;font-size:28px}
.card .body{padding:10px 12px}.card h2{font-size:17px;margin:0 0 4px;color:#222}
.photo{width:100%;height:auto;border-radius:8px;margin:8px 0}.pager{display:flex;justify-content:space-between;margin:16px 0}
a{color:#b71c1c}table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0}
th,td{border:1px solid #eadfce;padding:6px 8px;text-align:left;vertical-align:top}.num{text-align:right;white-space:nowrap}
header{display:flex;justify-content:space-between;gap:12px;align-items:center}header .login{font-weight:400;font-size:15px;white-space:nowrap}
</style></head><body><header><a href="/cong-khai">Phong trào thi đua “Dân vận khéo”</a><a class="login" href="/dang-nhap">Cán bộ đăng nhập</a></header><main>${p.body}</main></body></html>`;
}
