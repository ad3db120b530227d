// GS1 toolkit throughput on one core (issue 3): Digital Link parse+validate, element string parse, QR SVG renders.
import os from 'node:os';
import bwipjs from 'bwip-js';
import { parseDigitalLink, parseElementString } from '@txng/gs1';
import { renderBarcodeSvg } from '@txng/gs1/barcode';
import { atLeast, type Bench, type Figure } from '../types.ts';
import { measure } from './measure.ts';

/** Digital Links as a provincial traceability platform issues and reads them. */
const DIGITAL_LINKS = [
  'https://id.gs1.org/01/09520123456788/10/ABC123/21/12345?17=270101&3103=000500',
  'https://dl.sonla.example.vn/p/01/08931234567897/10/L2026-07/21/SL0001?11=260715&7007=260701',
  'https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225',
  'https://id.gs1.org/01/08931234567897/22/2A/10/XOAI-SL/21/000123?linkType=gs1:traceability',
  'https://id.gs1.org/00/106141412345678908?02=09520123456788&37=25&10=ABC123',
  'https://dl.sonla.example.vn/414/8931234000011/254/VUNGTRONG-01',
  'https://id.gs1.org/8004/0614141123456789ABC',
  'https://id.gs1.org/01/09520123456788/235/TPX-8f3kQ?10=LOT7',
];

const ELEMENT_STRINGS = [
  '(01)09520123456788(10)ABC123(21)12345(17)270101',
  '^0109520123456788310300050017270101^10ABC123^21SL0001',
  '(00)106141412345678908(02)09520123456788(37)25(10)ABC123',
  '(414)8931234000011(254)VUNGTRONG-01',
];

const bench: Bench = async ({ log }) => {
  for (const uri of DIGITAL_LINKS) if (!parseDigitalLink(uri).ok) throw new Error(`corpus URI rejected: ${uri}`);
  for (const s of ELEMENT_STRINGS) if (!parseElementString(s).ok) throw new Error(`corpus element string rejected: ${s}`);

  log('Digital Link parse + validate…');
  const dl = measure(DIGITAL_LINKS, (uri) => parseDigitalLink(uri).ok, 3000);
  const url = measure(DIGITAL_LINKS, (uri) => new URL(uri).pathname.length > 0, 1500);
  log('element string parse…');
  const es = measure(ELEMENT_STRINGS, (s) => parseElementString(s).ok, 2000);
  log('QR SVG renders…');
  const qr = measure(DIGITAL_LINKS, (uri) => renderBarcodeSvg({ type: 'qr', digitalLink: uri }).ok, 3000);
  const bwip = measure(DIGITAL_LINKS.slice(0, 2), (uri) => bwipjs.toSVG({ bcid: 'qrcode', text: uri, eclevel: 'M' } as Parameters<typeof bwipjs.toSVG>[0]).length > 0, 2000);
  log('GS1 DataMatrix SVG renders…');
  const dm = measure(ELEMENT_STRINGS.slice(0, 1), () => renderBarcodeSvg({
    type: 'datamatrix', elements: [{ ai: '01', value: '09520123456788' }, { ai: '10', value: 'ABC123' }, { ai: '17', value: '270101' }],
  }).ok, 1500);

  const perSecond = (n: number) => Math.round(n);
  const figures: Figure[] = [
    {
      metric: 'Digital Link parse + validate',
      value: perSecond(dl.perCpuSecond),
      unit: 'URIs/s',
      ...atLeast(dl.perCpuSecond, 300_000),
      reference: { label: 'WHATWG new URL() on the same URIs', value: perSecond(url.perCpuSecond), unit: 'URIs/s' },
      note: `wall clock ${perSecond(dl.perWallSecond)}/s`,
    },
    {
      metric: 'element string parse + validate',
      value: perSecond(es.perCpuSecond),
      unit: 'strings/s',
      note: `wall clock ${perSecond(es.perWallSecond)}/s`,
    },
    {
      metric: 'QR SVG renders (Digital Link)',
      value: perSecond(qr.perCpuSecond),
      unit: 'SVGs/s',
      ...atLeast(qr.perCpuSecond, 2_000),
      reference: { label: 'bwip-js toSVG qrcode', value: perSecond(bwip.perCpuSecond), unit: 'SVGs/s' },
      note: `wall clock ${perSecond(qr.perWallSecond)}/s`,
    },
    {
      metric: 'GS1 DataMatrix SVG renders (bwip-js)',
      value: perSecond(dm.perCpuSecond),
      unit: 'SVGs/s',
      note: `wall clock ${perSecond(dm.perWallSecond)}/s`,
    },
  ];
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  return {
    name: 'gs1',
    figures,
    notes: [
      'One core: every figure runs on the main thread. Rates are per second of that thread\'s CPU time (process.cpuUsage); the wall-clock rate is noted beside each, as this machine is shared and wall time also counts time spent descheduled.',
      `Load average during the run: ${load}.`,
      'Digital Link parse + validate = parseDigitalLink with its defaults: URI structure, key-qualifier path, data attributes, every AI value linted against the Syntax Dictionary, and the req/ex association rules.',
      'QR SVGs come from the package\'s ISO/IEC 18004 encoder (module-for-module equal to bwip-js for the same version, level and mask); bwip-js, the reference, still draws PNGs and the other symbologies.',
    ],
  };
};

export default bench;
