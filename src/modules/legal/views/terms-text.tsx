import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../../../platform/http/i18n.js';
import type { TermsArticle, TermsBlock } from '../terms-article.js';

/**
 * The text of the terms as a buyer reads it: a contents list, then the numbered articles. Rendered
 * once per version and stored as it is (legal_terms_versions), so an earlier version shows exactly
 * what its buyers read, whatever this component later becomes.
 */
export function renderTermsText(articles: readonly TermsArticle[], locale: Locale): string {
  return renderToString(<TermsText articles={articles} contents={locale === 'fr' ? 'Sommaire' : 'Contents'} />);
}

function TermsText(props: { articles: readonly TermsArticle[]; contents: string }) {
  const { articles } = props;
  return (
    <>
      <nav class="policy-contents" aria-label={props.contents}>
        <ul>
          {articles.map((article, index) => (
            <li key={article.title}>
              <a href={`#article-${index + 1}`}>{`${index + 1}. ${article.title}`}</a>
            </li>
          ))}
        </ul>
      </nav>
      {articles.map((article, index) => (
        <section key={article.title} id={`article-${index + 1}`}>
          <h2>{`${index + 1}. ${article.title}`}</h2>
          <Blocks blocks={article.blocks} />
        </section>
      ))}
    </>
  );
}

function Blocks(props: { blocks: readonly TermsBlock[] }) {
  return (
    <>
      {props.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </>
  );
}

function Block(props: { block: TermsBlock }) {
  const { block } = props;
  if ('list' in block)
    return (
      <ul>
        {block.list.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  if ('box' in block)
    return (
      <div class="notice" role="note">
        <p class="notice-title">{block.box.title}</p>
        <Blocks blocks={block.box.blocks} />
      </div>
    );
  return (
    <p>
      {block.text.map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a key={part.href} href={part.href} {...(part.href.startsWith('/') ? {} : { rel: 'noopener' })}>
            {part.text}
          </a>
        ),
      )}
    </p>
  );
}
