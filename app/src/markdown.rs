//! Markdown from people, made safe to show: rendered with pulldown-cmark, then cleaned by
//! ammonia so that no script, event handler, style or `javascript:` link reaches a page.
//! Raw HTML typed by people is escaped, never passed through.

use pulldown_cmark::{html, Event, Options, Parser};

pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    // Raw HTML in the text is shown as text.
    .map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    ammonia::Builder::default()
        // No images: a picture could fetch from outside and tell someone the page was read.
        .rm_tags(["img"].iter())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&out)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markdown_renders() {
        let h = render("**Police** hold *two* call-outs.\n\n- one\n- two");
        assert!(h.contains("<strong>Police</strong>"));
        assert!(h.contains("<li>one</li>"));
    }

    /// Payloads from the usual XSS cheat sheets; none may come out as live markup.
    const PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "[x](vbscript:msgbox(1))",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "<object data=\"evil.swf\"></object>",
        "<body onload=alert(1)>",
    ];

    /// Every real tag in the output (escaped text shows as `&lt;`, so a `<` starts a tag).
    fn tags(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or("").to_lowercase())
            .collect()
    }

    #[test]
    fn xss_payloads_come_out_inert() {
        const ALLOWED: &[&str] = &[
            "p",
            "a",
            "strong",
            "em",
            "ul",
            "ol",
            "li",
            "code",
            "pre",
            "br",
            "del",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
        ];
        for p in PAYLOADS {
            let h = render(p);
            for tag in tags(&h) {
                let name = tag
                    .trim_start_matches('/')
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_string();
                assert!(
                    ALLOWED.contains(&name.as_str()),
                    "{p:?} produced a <{tag}> tag: {h}"
                );
                let attributes: Vec<&str> = tag.split_whitespace().skip(1).collect();
                for a in attributes {
                    assert!(!a.starts_with("on"), "{p:?} kept an event handler: {h}");
                    assert!(!a.starts_with("style"), "{p:?} kept a style: {h}");
                    assert!(
                        !a.contains("javascript:")
                            && !a.contains("vbscript:")
                            && !a.contains("data:"),
                        "{p:?} kept a dangerous URL: {h}"
                    );
                }
            }
        }
    }

    #[test]
    fn safe_links_keep_working_and_are_marked_noopener() {
        let h = render("[guide](https://example.org/guide)");
        assert!(h.contains("href=\"https://example.org/guide\""));
        assert!(h.contains("noopener"));
    }
}
