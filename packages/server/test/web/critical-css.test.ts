import { describe, expect, it } from 'vitest';
import { criticalCss } from '../../src/web/critical-css.ts';

describe('criticalCss', () => {
  const html = '<div class="m_1 mantine-Stack-root"><label class="m_2">A</label></div>';

  it('keeps the rules whose classes are all on the page, element rules and :root, and drops the others', () => {
    const css = ':root{--a:1}*,:before{box-sizing:border-box}.m_1{display:flex}.m_3{color:red}.m_1 .m_3{color:blue}.m_1>.m_2{gap:0}';
    expect(criticalCss(css, html)).toBe(':root{--a:1}*,:before{box-sizing:border-box}.m_1{display:flex}.m_1>.m_2{gap:0}');
  });

  it('keeps a selector list when one of its selectors applies, commas inside :is() not splitting it', () => {
    expect(criticalCss('.m_3,.m_2{margin:0}', html)).toBe('.m_3,.m_2{margin:0}');
    expect(criticalCss(':is(.m_2,.m_3).m_4{margin:0}', html)).toBe('');
  });

  it('filters inside @media and @layer, drops them when empty, and keeps @keyframes and statements whole', () => {
    const css =
      '@layer mantine;@media (min-width:48em){.m_1{gap:1rem}.m_9{gap:0}}@media print{.m_9{display:none}}' +
      '@keyframes spin{0%{transform:rotate(0)}to{transform:rotate(360deg)}}@layer mantine{.m_2{color:red}.m_8{color:blue}}';
    expect(criticalCss(css, html)).toBe(
      '@layer mantine;@media (min-width:48em){.m_1{gap:1rem}}@keyframes spin{0%{transform:rotate(0)}to{transform:rotate(360deg)}}' +
        '@layer mantine{.m_2{color:red}}',
    );
  });
});
