/** Label and value pairs, one per line (a product's level and format, a company's registration). */
export function FactList(props: { facts: readonly (readonly [string, string])[] }) {
  return (
    <dl class="facts">
      {props.facts.map(([label, value]) => (
        <div class="fact" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
