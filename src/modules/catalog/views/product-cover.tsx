/**
 * Cover art drawn as SVG from a product's cover key: crisp at every size, no image files to
 * host, and nothing fetched from another site. Decorative: the product name is next to it.
 */
const covers: Record<string, { from: string; to: string; ink: string; glyph: string }> = {
  js: { from: '#fde047', to: '#facc15', ink: '#1c1917', glyph: 'JS' },
  stack: { from: '#4f46e5', to: '#7c3aed', ink: '#ffffff', glyph: '</>' },
  py: { from: '#2563eb', to: '#1e3a8a', ink: '#fde047', glyph: 'Py' },
  react: { from: '#0f172a', to: '#1e293b', ink: '#67e8f9', glyph: '⚛' },
  git: { from: '#f97316', to: '#c2410c', ink: '#ffffff', glyph: 'git' },
  a11y: { from: '#059669', to: '#065f46', ink: '#ffffff', glyph: 'A11y' },
  sql: { from: '#0d9488', to: '#134e4a', ink: '#ffffff', glyph: 'SQL' },
  notebook: { from: '#f5f5f4', to: '#e7e5e4', ink: '#1d4ed8', glyph: '✎' },
  hoodie: { from: '#1e293b', to: '#334155', ink: '#fbbf24', glyph: '{ }' },
  stickers: { from: '#ec4899', to: '#be185d', ink: '#ffffff', glyph: ';)' },
};
const fallback = { from: '#1d4ed8', to: '#1e40af', ink: '#ffffff', glyph: '·' };

export function ProductCover(props: { cover: string; id: string; large?: boolean }) {
  const style = covers[props.cover] ?? fallback;
  const gradient = `cover-${props.id}`;
  return (
    <svg
      class={props.large ? 'cover cover--large' : 'cover'}
      viewBox="0 0 400 250"
      preserveAspectRatio="xMidYMid slice"
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color={style.from} />
          <stop offset="1" stop-color={style.to} />
        </linearGradient>
      </defs>
      <rect width="400" height="250" fill={`url(#${gradient})`} />
      <g fill={style.ink} opacity="0.14">
        <rect x="24" y="28" width="120" height="8" rx="4" />
        <rect x="24" y="46" width="84" height="8" rx="4" />
        <rect x="44" y="64" width="140" height="8" rx="4" />
        <rect x="44" y="82" width="96" height="8" rx="4" />
        <rect x="24" y="100" width="60" height="8" rx="4" />
        <rect x="250" y="190" width="120" height="8" rx="4" />
        <rect x="270" y="208" width="90" height="8" rx="4" />
      </g>
      <text
        x="200"
        y="150"
        text-anchor="middle"
        dominant-baseline="middle"
        fill={style.ink}
        font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
        font-weight="700"
        font-size="84"
      >
        {style.glyph}
      </text>
    </svg>
  );
}
