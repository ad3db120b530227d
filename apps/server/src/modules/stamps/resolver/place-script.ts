// The scan page's only script (progressive enhancement, ~0.6 KB): shows the "share my place" button when the
// phone can, asks for a coarse position only after a tap, rounds it to 0.1° on the phone (the exact position
// never leaves it) and posts it to the scan. Served from this origin, as the Content-Security-Policy requires.
export const PLACE_SCRIPT = `(function(){var b=document.getElementById('share-place');if(!b||!navigator.geolocation||!window.fetch)return;
b.hidden=false;var n=document.getElementById('share-note');if(n)n.hidden=false;
b.addEventListener('click',function(){b.disabled=true;navigator.geolocation.getCurrentPosition(function(p){
var r=function(v){return Math.round(v*10)/10};fetch('/api/v1/scans/'+encodeURIComponent(b.getAttribute('data-scan'))+'/place',{method:'POST',
headers:{'content-type':'application/json'},body:JSON.stringify({latitude:r(p.coords.latitude),longitude:r(p.coords.longitude)})})
.then(function(){b.textContent=b.getAttribute('data-done')},function(){b.disabled=false})},function(){b.disabled=false},
{enableHighAccuracy:false,maximumAge:600000,timeout:20000})})})();
`;
