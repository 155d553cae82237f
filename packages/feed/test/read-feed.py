"""Reads feeds back for the tests, with readers that know nothing of this package.

One request per line on stdin, one JSON answer per line on stdout, so a test starts Python once:
  {"reader": "feedparser", "text": "<rss …"}  Universal Feed Parser: what a feed reader sees
  {"reader": "etree", "text": "<rss …"}       the XML tree as expat reads it: exact text, no guessing
  {"reader": "jsonfeed", "text": "{…"}        JSON Feed 1.1 checked against the spec's MUSTs
  {"reader": "reference", "text": "{…"}       feedparser on a feed Python escaped (see reference)
"""
import calendar
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

import feedparser


def plain(value):
    """FeedParserDict and struct_time as JSON: dates as RFC 3339 UTC."""
    if isinstance(value, time.struct_time):
        return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(calendar.timegm(value)))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def read_feedparser(text):
    result = feedparser.parse(text)
    return {
        'bozo': int(result.bozo),
        'bozo_exception': str(result.get('bozo_exception', '')),
        'version': result.version,
        'namespaces': plain(result.namespaces),
        'feed': plain(result.feed),
        'entries': plain(result.entries),
    }


def reference(text):
    """What feedparser reads from a minimal feed that Python's own XML escaping wrote with the
    given plain texts: the yardstick for our escaping, feedparser's habits (stripping, its cp1252
    and HTML guesses) included."""
    data = json.loads(text)

    def esc(value):
        return escape(value, {'\r': '&#13;'})

    if data['format'] == 'rss':
        xml = (
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            '<title>t</title><link>https://x.example/</link><description>d</description><item>'
            f'<title>{esc(data["title"])}</title><dc:creator>{esc(data["author"])}</dc:creator>'
            f'<category>{esc(data["category"])}</category></item></channel></rss>'
        )
    else:
        xml = (
            '<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.example/</id><title>t</title>'
            '<updated>2016-07-18T00:00:00Z</updated><entry><id>https://x.example/1</id>'
            f'<title type="text">{esc(data["title"])}</title><updated>2016-07-18T00:00:00Z</updated>'
            f'<author><name>{esc(data["author"])}</name></author>'
            f'<category term={quoteattr(data["category"], {chr(13): "&#13;", chr(10): "&#10;", chr(9): "&#9;"})}/>'
            f'<summary type="text">{esc(data["summary"])}</summary></entry></feed>'
        )
    result = feedparser.parse(xml)
    entry = result.entries[0]
    return {
        'bozo': int(result.bozo),
        'title': entry.get('title'),
        'author': entry.get('author'),
        'summary': entry.get('summary'),
        'tags': [t.get('term') for t in entry.get('tags', [])],
    }


def element(node):
    return {
        'tag': node.tag,
        'attrs': dict(node.attrib),
        'text': node.text or '',
        'tail': node.tail or '',
        'children': [element(child) for child in node],
    }


def read_etree(text):
    return element(ET.fromstring(text.encode('utf-8')))


RFC3339 = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$')


def absolute(url):
    parts = urlsplit(url)
    return parts.scheme in ('http', 'https') and bool(parts.netloc)


def check_jsonfeed(text):
    """The MUSTs of https://www.jsonfeed.org/version/1.1/ a document can be checked for."""
    errors = []
    feed = json.loads(text)
    if feed.get('version') != 'https://jsonfeed.org/version/1.1':
        errors.append('version is not https://jsonfeed.org/version/1.1')
    if not isinstance(feed.get('title'), str):
        errors.append('title is required and must be a string')
    for key in ('home_page_url', 'feed_url', 'icon', 'favicon'):
        if key in feed and not absolute(feed[key]):
            errors.append(f'{key} is not an absolute URL')
    if 'author' in feed:
        errors.append('author is deprecated in 1.1: use authors')
    for person in feed.get('authors', []):
        if not isinstance(person.get('name'), str):
            errors.append('an author has no name')
    items = feed.get('items')
    if not isinstance(items, list):
        errors.append('items is required and must be an array')
        items = []
    ids = set()
    for n, item in enumerate(items):
        where = f'items[{n}]'
        if not isinstance(item.get('id'), str):
            errors.append(f'{where}.id is required and must be a string')
        elif item['id'] in ids:
            errors.append(f'{where}.id repeats an earlier id')
        else:
            ids.add(item['id'])
        if not isinstance(item.get('content_html'), str) and not isinstance(item.get('content_text'), str):
            errors.append(f'{where} has neither content_html nor content_text')
        for key in ('url', 'external_url', 'image', 'banner_image'):
            if key in item and not absolute(item[key]):
                errors.append(f'{where}.{key} is not an absolute URL')
        for key in ('date_published', 'date_modified'):
            if key in item and not RFC3339.match(item[key]):
                errors.append(f'{where}.{key} is not RFC 3339')
        if 'author' in item:
            errors.append(f'{where}.author is deprecated in 1.1: use authors')
        for person in item.get('authors', []):
            if not isinstance(person.get('name'), str):
                errors.append(f'{where} has an author with no name')
        if 'tags' in item and not all(isinstance(t, str) for t in item['tags']):
            errors.append(f'{where}.tags must be strings')
        for a, attachment in enumerate(item.get('attachments', [])):
            if not absolute(attachment.get('url', '')):
                errors.append(f'{where}.attachments[{a}].url is required and absolute')
            if not isinstance(attachment.get('mime_type'), str):
                errors.append(f'{where}.attachments[{a}].mime_type is required')
    return {'errors': errors, 'feed': feed}


READERS = {
    'feedparser': read_feedparser,
    'etree': read_etree,
    'jsonfeed': check_jsonfeed,
    'reference': reference,
}

for line in sys.stdin:
    request = json.loads(line)
    try:
        answer = {'ok': READERS[request['reader']](request['text'])}
    except Exception as error:  # the test reports what the reader could not read
        answer = {'error': f'{type(error).__name__}: {error}'}
    sys.stdout.write(json.dumps(answer) + '\n')
    sys.stdout.flush()
