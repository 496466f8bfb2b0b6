// Builds elements whose text comes from data through textContent only: data never becomes markup.

/** h('button', {class: 'btn', onclick: f, 'aria-expanded': 'false'}, 'Text', child) */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'hidden') el.hidden = true;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  // append() turns strings into text nodes, never into HTML.
  el.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative icon from a fixed path (constants in this code, never data). */
export function icon(path, className = '') {
  const stroked = typeof path === 'object';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  if (className) svg.setAttribute('class', className);
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', stroked ? path.stroke : path);
  if (stroked) {
    // A line drawing: two arrows chasing each other, so that Refresh does not read as a loading spinner.
    for (const [k, v] of Object.entries({ fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })) p.setAttribute(k, v);
  } else {
    p.setAttribute('fill-rule', 'evenodd');
  }
  svg.append(p);
  return svg;
}

// Outline icons on Fluent's 20 px grid.
export const Icons = {
  refresh: { stroke: 'M4.5 9a5.5 5.5 0 0 1 9.8-2.8M14.8 3v3.5h-3.5M15.5 11a5.5 5.5 0 0 1-9.8 2.8M5.2 17v-3.5h3.5' },
  close: 'M4.09 4.22l.06-.07a.5.5 0 0 1 .63-.06l.07.06L10 9.29l5.15-5.14a.5.5 0 0 1 .63-.06l.07.06c.18.17.2.44.06.63l-.06.07L10.71 10l5.14 5.15c.18.17.2.44.06.63l-.06.07a.5.5 0 0 1-.63.06l-.07-.06L10 10.71l-5.15 5.14a.5.5 0 0 1-.63.06l-.07-.06a.5.5 0 0 1-.06-.63l.06-.07L9.29 10 4.15 4.85a.5.5 0 0 1-.06-.63l.06-.07-.06.07Z',
  settings: 'M3 5.5h5.5v1H3zM13.5 5.5H17v1h-3.5zM11 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5Zm0 1a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3ZM3 13.5h1.5v1H3zM9.5 13.5H17v1H9.5zM7 11.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5Zm0 1a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z',
  back: 'M9.16 16.87a.5.5 0 1 0 .67-.74L3.67 10.5H17.5a.5.5 0 0 0 0-1H3.67l6.16-5.63a.5.5 0 0 0-.67-.74L2.24 9.44a.75.75 0 0 0 0 1.12l6.92 6.31Z',
  done: 'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16Zm3.36 5.65a.5.5 0 0 0-.64-.06l-.07.06L9 11.3 7.35 9.65l-.07-.06a.5.5 0 0 0-.7.7l.07.07 2 2 .07.06c.17.11.4.11.56 0l.07-.06 4-4 .07-.08a.5.5 0 0 0-.06-.63Z',
};

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return el;
}

let announcer;

/** Says something to screen readers through the page's polite live region. */
export function announce(text) {
  announcer ??= document.getElementById('announce');
  if (!announcer) return;
  announcer.textContent = '';
  // A new text node in a later task so that repeating the same words is announced again.
  setTimeout(() => { announcer.textContent = text; }, 50);
}
