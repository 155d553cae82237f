/**
 * Site chrome written as a line of text: a breadcrumb or menu ("Meridian Press | Home > Business >
 * Labor"), a share row ("Facebook | X | LinkedIn | Email"). Neither is a headline, a standfirst
 * nor article text, in plain text or in a page's markup.
 */

const SHARE_WORDS =
  /^(?:facebook|x|twitter|linkedin|email|e-mail|mail|whatsapp|reddit|pinterest|telegram|print|share|copy link|link|messenger|flipboard|threads|bluesky|mastodon|comments?|\d+ comments?)$/i;

/** The characters the parts of a menu or share row are split at. */
const SEPARATOR = /[|>›»·•/]/;

/**
 * Whether a line is navigation or a share row: three or more short parts between `|`, `>`, `›`,
 * `»`, `/` or `·`, or a row made mostly of the names of sharing services.
 */
export function isChromeLine(line: string): boolean {
  // Without a separator the line is one part, and one part is neither a menu nor a share row.
  if (!SEPARATOR.test(line)) return false;
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text) return false;
  const parts = text
    .split(/\s+(?:[|>›»·•]|\/)\s+|\s*[|›»]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const share = parts.filter((p) => SHARE_WORDS.test(p)).length;
  if (parts.length >= 2 && share / parts.length >= 0.6) return true;
  if (parts.length >= 3 && parts.every((p) => p.split(' ').length <= 4)) return true;
  return false;
}
