import { useEffect, useState } from 'react';
import { Spin } from 'antd';

/** A QR code of `text` drawn as SVG by bwip-js (loaded only when needed) and shown as an image (CSP: img-src data:). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('bwip-js/browser')
      .then(({ qrcode, drawingSVG }) => {
        const svg = qrcode({ bcid: 'qrcode', text, scale: 4, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF' }, drawingSVG());
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return null;
  return <div className="qr-box">{src ? <img src={src} alt={label} /> : <Spin />}</div>;
}
