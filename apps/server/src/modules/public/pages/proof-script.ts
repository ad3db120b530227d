// The proof page's script (~1 KB, plus the ledger's ~12 KB verifier it imports from the same origin): checks
// every tlog-proof on the page against the log's key and witness quorum, on the phone, and writes the outcome
// next to each record. Progressive enhancement: the button only appears when modules run.
export const PROOF_SCRIPT = `import{verifyRecordProof}from'/ledger/verify.js';
const root=document.getElementById('proofs'),btn=document.getElementById('verify-all');
const fill=(s,p)=>s.replace(/\\{(\\w+)\\}/g,(m,k)=>k in p?String(p[k]):m);
if(root&&btn){btn.hidden=false;const nojs=document.getElementById('verify-nojs');if(nojs)nojs.hidden=true;
btn.addEventListener('click',()=>{const d=root.dataset,w=(d.witnesses||'').split(' ').filter(Boolean),enc=new TextEncoder();
for(const c of root.querySelectorAll('[data-proof]')){const out=c.querySelector('.result');out.textContent=d.checking;
let r;try{r=verifyRecordProof({proof:c.querySelector('.tlog').textContent,entry:enc.encode(c.querySelector('.leaf').textContent),logKey:d.vkey,witnessKeys:w,quorum:Number(d.quorum||0)})}catch(e){r={ok:false,error:{code:String(e)}}}
out.textContent=r.ok?fill(d.ok,{index:r.value.index,size:r.value.treeSize,witnesses:r.value.cosigners.length}):fill(d.bad,{reason:r.error.code});
out.className='result '+(r.ok?'ok':'bad');c.setAttribute('data-verified',r.ok?'yes':'no')}})}
`;
