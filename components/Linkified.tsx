import { Fragment } from 'react';

/**
 * Plain text with its http(s) URLs as links. React escapes the text: nothing is read as HTML, and
 * only http(s) URLs ever become an href.
 */
export default function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s;,)<>"']+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} target="_blank" rel="noopener noreferrer nofollow">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
