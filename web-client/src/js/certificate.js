// SPDX-License-Identifier: MIT
// The certificate PDF, made in the browser from the server's result (number, code, date, verify URL) and the
// organisation's public certificate settings (name, address, legal basis, signatories, emblem), which the
// page fetches from GET /api/v1/certificate-settings/public, so the organisation issues it as its own document.
// The layout is HTML + CSS (an A4 sheet in #certificate-stage); html2canvas paints its decoration
// (frame, headings, labels) with the data fields left blank, and jsPDF writes the data fields as
// real text in an embedded Cyrillic font at the positions the browser laid them out, plus the
// verification QR code as vector squares. So the PDF looks like the page and its number, name,
// test and link stay searchable and readable by pdftotext.
import { el } from './dom.js';
import { formatDate, t } from './i18n.js';
import qrcode from '../vendor/qrcode.mjs';

const A4_WIDTH_MM = 210;
const A4_HEIGHT_MM = 297;
const FONT_REGULAR = 'DejaVuSans.ttf';
const FONT_BOLD = 'DejaVuSans-Bold.ttf';
const FONT_NAME = 'DejaVuSans';

const scripts = new Map();
function loadScript(src) {
  if (!scripts.has(src)) {
    scripts.set(src, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`cannot load ${src}`));
      document.head.append(script);
    }));
  }
  return scripts.get(src);
}

async function fontBase64(file) {
  const response = await fetch(`fonts/${file}`);
  if (!response.ok) throw new Error(`fonts/${file}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function field(name, text, tag = 'span', cls = '') {
  return el(tag, { class: `cert-value ${cls}`.trim(), dataset: { pdfField: name }, text });
}

// The organisation's header: the emblem (an image html2canvas paints), its name and address as text.
function buildHeader(org, emblem) {
  const parts = [];
  if (emblem) parts.push(el('img', { class: 'cert-emblem', src: emblem, alt: '' }));
  parts.push(field('org', org.organisationName || t('cert.org'), 'p', 'cert-org'));
  if (org.addressLine) parts.push(field('address', org.addressLine, 'p', 'cert-address'));
  return el('div', { class: 'cert-head' }, ...parts);
}

// Position, a line to sign on, and the name: one row per signatory.
function buildSignatories(signatories) {
  if (!signatories?.length) return el('div', { class: 'cert-signatories' });
  return el('div', { class: 'cert-signatories' },
    ...signatories.map((s, i) => el('div', { class: 'cert-signatory' },
      field(`signatoryTitle${i}`, s.title, 'span', 'cert-sign-title'),
      el('span', { class: 'cert-sign-line' }),
      field(`signatoryName${i}`, s.name, 'span', 'cert-sign-name'))));
}

function buildSheet(data) {
  const org = data.organisation || {};
  const row = (label, name, value) => el('div', { class: 'cert-row' },
    el('span', { class: 'cert-label', text: label }), field(name, value));
  return el('div', { class: 'cert-sheet', id: 'cert-sheet' },
    el('div', { class: 'cert-frame' },
      buildHeader(org, data.emblem),
      el('div', { class: 'cert-rule' }),
      field('title', t('cert.title', { number: data.number }), 'h1', 'cert-title'),
      el('p', { class: 'cert-subject', text: t('cert.subject') }),
      el('div', { class: 'cert-rows' },
        row(t('cert.holder'), 'holder', data.holder),
        row(t('cert.position'), 'position', data.position),
        row(t('cert.test'), 'test', data.testTitle),
        // The score only where the test's attempt policy discloses it; the grade band always (a pass).
        row(t('cert.result'), 'result',
          t(data.score === undefined ? 'cert.resultGrade' : 'cert.resultValue', data)),
        row(t('cert.date'), 'date', formatDate(data.issuedAt))),
      el('p', { class: 'cert-conclusion', text: t('cert.conclusion') }),
      org.legalBasis ? field('legalBasis', org.legalBasis, 'p', 'cert-legal') : el('p', { class: 'cert-legal' }),
      buildSignatories(org.signatories),
      el('div', { class: 'cert-footer' },
        el('div', { class: 'cert-qr', dataset: { pdfQr: '1' } }),
        el('div', { class: 'cert-verify' },
          el('p', { class: 'cert-label', text: t('cert.verify') }),
          field('verifyUrl', data.verifyUrl, 'p', 'cert-url'),
          field('number', t('cert.numberAndCode', { number: data.number, code: data.code || '' }), 'p',
            'cert-number')))));
}

// The public subset of the certificate settings and the emblem as a data URL (so html2canvas paints it
// without any cross-origin question). Without them the certificate still prints, with the product's name.
async function loadOrganisation(api) {
  if (!api) return { organisation: {}, emblem: null };
  let organisation = {};
  try {
    organisation = await api.getCertificateSettings();
  } catch {
    return { organisation: {}, emblem: null };
  }
  let emblem = null;
  if (organisation.emblemUrl) {
    try {
      const response = await fetch(new URL(organisation.emblemUrl, new URL(api.base, window.location.href)));
      if (response.ok) {
        const blob = await response.blob();
        emblem = await new Promise((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result);
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(blob);
        });
      }
    } catch {
      emblem = null;
    }
  }
  return { organisation, emblem };
}

function rgb(color) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

// Writes every [data-pdf-field] as text where the browser put it.
function drawFields(doc, sheet, mmPerPx) {
  const origin = sheet.getBoundingClientRect();
  for (const node of sheet.querySelectorAll('[data-pdf-field]')) {
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    const fontPx = parseFloat(style.fontSize);
    const linePx = parseFloat(style.lineHeight) || fontPx * 1.2;
    const widthMm = box.width * mmPerPx;
    doc.setFont(FONT_NAME, Number(style.fontWeight) >= 600 ? 'bold' : 'normal');
    doc.setFontSize(fontPx * mmPerPx * (72 / 25.4));
    doc.setTextColor(...rgb(style.color));
    const lines = doc.splitTextToSize(node.textContent, widthMm + 0.5);
    const align = style.textAlign === 'center' ? 'center' : style.textAlign === 'right' ? 'right' : 'left';
    const leftMm = (box.left - origin.left) * mmPerPx;
    const x = align === 'center' ? leftMm + widthMm / 2 : align === 'right' ? leftMm + widthMm : leftMm;
    const topMm = (box.top - origin.top) * mmPerPx;
    lines.forEach((line, i) => {
      // Centre the glyphs in each CSS line box: baseline ≈ line top + half-leading + ascent (0.8 em).
      const y = topMm + (i * linePx + (linePx - fontPx) / 2 + fontPx * 0.8) * mmPerPx;
      doc.text(line, x, y, { align });
    });
  }
}

function drawQr(doc, sheet, mmPerPx, url) {
  const host = sheet.querySelector('[data-pdf-qr]');
  const origin = sheet.getBoundingClientRect();
  const box = host.getBoundingClientRect();
  const qr = qrcode(0, 'M');
  qr.addData(url);
  qr.make();
  const count = qr.getModuleCount();
  const size = Math.min(box.width, box.height) * mmPerPx;
  const cell = size / count;
  const x0 = (box.left - origin.left) * mmPerPx;
  const y0 = (box.top - origin.top) * mmPerPx;
  doc.setFillColor(0, 0, 0);
  for (let r = 0; r < count; r += 1) {
    for (let c = 0; c < count; c += 1) {
      if (qr.isDark(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell + 0.01, cell + 0.01, 'F');
    }
  }
}

export async function buildCertificatePdf(data, stage, api) {
  await Promise.all([loadScript('vendor/jspdf.umd.min.js'), loadScript('vendor/html2canvas.min.js')]);
  const [regular, bold, org] = await Promise.all([fontBase64(FONT_REGULAR), fontBase64(FONT_BOLD),
    loadOrganisation(api)]);
  const sheet = buildSheet({ ...data, ...org });
  stage.replaceChildren(sheet);
  try {
    await document.fonts?.ready;
    await Promise.all([...sheet.querySelectorAll('img')].map((img) => (img.complete ? null
      : new Promise((resolve) => { img.onload = resolve; img.onerror = resolve; }))));
    const canvas = await window.html2canvas(sheet, {
      scale: 2,
      backgroundColor: '#ffffff',
      logging: false,
      useCORS: false,
      onclone: (cloned) => {
        for (const node of cloned.querySelectorAll('[data-pdf-field]')) node.style.visibility = 'hidden';
      },
    });
    const { jsPDF } = window.jspdf;
    const doc = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4', compress: true });
    doc.addFileToVFS(FONT_REGULAR, regular);
    doc.addFont(FONT_REGULAR, FONT_NAME, 'normal');
    doc.addFileToVFS(FONT_BOLD, bold);
    doc.addFont(FONT_BOLD, FONT_NAME, 'bold');
    doc.setProperties({ title: t('cert.title', { number: data.number }), subject: data.testTitle, author: org.organisation.organisationName || t('cert.org'), keywords: data.number });
    const mmPerPx = A4_WIDTH_MM / sheet.getBoundingClientRect().width;
    const imageHeightMm = Math.min(A4_HEIGHT_MM, canvas.height * (A4_WIDTH_MM / canvas.width));
    doc.addImage(canvas.toDataURL('image/jpeg', 0.92), 'JPEG', 0, 0, A4_WIDTH_MM, imageHeightMm);
    drawFields(doc, sheet, mmPerPx);
    drawQr(doc, sheet, mmPerPx, data.verifyUrl);
    return doc;
  } finally {
    stage.replaceChildren();
  }
}

export async function downloadCertificate(data, stage, api) {
  const doc = await buildCertificatePdf(data, stage, api);
  doc.save(t('cert.fileName', { number: data.number.replace(/[^\w.-]+/g, '-') }));
  return doc;
}
