// The one stylesheet of the public pages, inlined in each page (about 1.5 KB compressed): on a slow mobile link
// a second request for CSS would cost more than the bytes. Mobile first, readable at 320 px; colours meet WCAG 2.2
// AA (body text 15:1, muted text 7.5:1, white on every banner colour ≥ 6.5:1); tap targets ≥ 44 px (WCAG 2.5.8 asks
// 24); a visible focus ring; a print stylesheet that drops navigation and forms and keeps the facts. `[hidden]`
// wins over every display rule: the buttons that need JavaScript are hidden until a script shows them.
export const CSS = `*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#f3f4f0}
a{color:#14532d}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
header{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;padding:6px 12px;background:#fff;border-bottom:1px solid #d6d9d0}
header .site{display:flex;align-items:center;gap:8px;flex:1;min-width:12rem;font-weight:700;text-decoration:none;color:#1a1a1a;min-height:44px}
header nav{display:flex;gap:4px}header nav a{display:inline-flex;align-items:center;min-height:44px;padding:0 8px}
main{max-width:42rem;margin:0 auto;padding:12px}
section,.card{background:#fff;border-radius:10px;padding:14px;margin:0 0 12px;border:1px solid #dcdfd6}
h1{font-size:1.4rem;line-height:1.25;margin:0 0 6px}h2{font-size:1.1rem;margin:0 0 8px}h3{font-size:1rem;margin:0 0 4px}p{margin:6px 0}
.banner{border-radius:10px;padding:14px;margin:0 0 12px;color:#fff}.banner h1,.banner h2{font-size:1.3rem;margin:0 0 4px;color:#fff}.banner a{color:#fff}
.genuine{background:#14532d}.suspicious,.void,.lost,.recalled,.unknown{background:#991b1b}.inactive{background:#9a3412}.unconfirmed,.unserialised,.busy{background:#374151}
.hero{display:flex;gap:12px;align-items:flex-start}.hero img{width:96px;height:96px;object-fit:cover;border-radius:8px;flex:none;background:#e5e7e0}
dl{display:grid;grid-template-columns:minmax(6rem,38%) 1fr;gap:4px 10px;margin:0}dt{color:#4a4a4a}dd{margin:0;overflow-wrap:anywhere}
ul{margin:4px 0;padding-left:20px}.muted,.note{color:#4a4a4a;font-size:.9rem}.code{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.ok{color:#14532d;font-weight:600}.bad{color:#991b1b;font-weight:600}
ol.journey{list-style:none;margin:0;padding:0 0 0 18px;border-left:3px solid #9cb59e}
ol.journey li{position:relative;padding:0 0 14px 4px}ol.journey li::before{content:"";position:absolute;left:-27px;top:4px;width:15px;height:15px;border-radius:50%;background:#14532d;border:3px solid #fff}
ol.journey time{display:block;font-size:.9rem;color:#4a4a4a}.warn{background:#fff4e5;border-left:4px solid #9a3412;padding:4px 8px;margin:4px 0}
.ledger{display:flex;gap:10px;align-items:flex-start;border-color:#9cb59e}.ledger svg{flex:none}
form.stack{display:grid;gap:10px}label{display:block;font-weight:600}.hint{font-weight:400;font-size:.9rem;color:#4a4a4a}
input,select,textarea{font:inherit;width:100%;min-height:44px;padding:8px 10px;border:1px solid #6b6b6b;border-radius:8px;background:#fff;color:#1a1a1a}
input[type=checkbox]{width:24px;min-height:24px;height:24px;margin:0 8px 0 0;flex:none}.check{display:flex;align-items:flex-start;font-weight:400}
input[type=file]{padding:8px 0;border:0}textarea{min-height:6rem}
button,.button{display:inline-flex;align-items:center;justify-content:center;font:inherit;font-weight:600;min-height:44px;padding:8px 18px;border:0;border-radius:8px;background:#14532d;color:#fff;text-decoration:none;cursor:pointer}
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}.row>*{flex:1 1 9rem}
.trap{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.grid{list-style:none;padding:0;margin:0;display:grid;gap:10px}.grid li{display:flex;gap:10px;background:#fff;border:1px solid #dcdfd6;border-radius:10px;padding:10px}
.grid img{width:64px;height:64px;object-fit:cover;border-radius:6px;flex:none;background:#e5e7e0}.grid a{font-weight:600}
.stars{color:#7c4a03;font-weight:600}.pager{display:flex;justify-content:space-between;gap:8px;align-items:center}
details summary{cursor:pointer;min-height:44px;display:flex;align-items:center;font-weight:600}pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:#f3f4f0;padding:8px;border-radius:6px}
footer{font-size:.9rem;color:#4a4a4a;text-align:center;padding:8px 12px 24px}
@media (min-width:40rem){.hero img{width:160px;height:160px}}
@media print{body{background:#fff;font-size:12pt}header nav,.skip,form,.noprint,#report,#verify-code{display:none}section,.card{border:0;padding:0 0 8pt;break-inside:avoid}
.banner{color:#000;border:2pt solid #000}.banner h1,.banner h2,.banner a{color:#000}a{color:#000;text-decoration:none}main{max-width:none}}`;
