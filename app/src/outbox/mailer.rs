//! Handing a composed email to the mail server (SMTP through lettre, TLS by rustls).

use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// An email ready to go: text composed in the recipient's language, no case data.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub to: String,
    pub subject: String,
    pub plain: String,
    pub html: String,
    /// An iCalendar attachment and its METHOD (REQUEST, CANCEL).
    pub calendar: Option<String>,
}

/// Why an email did not go. `retry`: the server or the connection failed before the message
/// was accepted, so sending it again later cannot make a second copy.
#[derive(Debug, Clone)]
pub struct SendError {
    pub retry: bool,
    /// The transport's own words (an SMTP code and text, "connection refused"), never the
    /// message.
    pub reason: String,
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `url`: `smtp://host:25`, `smtp://user:pass@host:587?tls=required`, `smtps://host:465`.
    pub fn new(url: &str, from: &str) -> Result<Mailer, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("the from-address is not an email address: {e}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("not an SMTP URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        Ok(Mailer { transport, from })
    }

    pub async fn send(&self, m: &Outgoing) -> Result<(), SendError> {
        let message = self.message(m).map_err(|reason| SendError {
            retry: false,
            reason,
        })?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| {
            // A permanent refusal (5xx) will not change; anything else (a 4xx, a connection
            // that failed or timed out) is worth another try.
            SendError {
                retry: !e.is_permanent(),
                reason: match e.status() {
                    Some(code) => format!("the mail server answered {code}"),
                    None if e.is_timeout() => "the mail server did not answer in time".into(),
                    None => "the mail server could not be reached".into(),
                },
            }
        })
    }

    fn message(&self, m: &Outgoing) -> Result<Message, String> {
        let to: Mailbox =
            m.to.parse()
                .map_err(|_| "the recipient's address is not valid".to_string())?;
        let text = MultiPart::alternative()
            .singlepart(SinglePart::plain(m.plain.clone()))
            .singlepart(SinglePart::html(m.html.clone()));
        let body = match &m.calendar {
            None => text,
            Some(ics) => {
                let method = if ics.contains("METHOD:CANCEL") {
                    "CANCEL"
                } else {
                    "REQUEST"
                };
                let kind =
                    ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                        .map_err(|e| e.to_string())?;
                MultiPart::mixed()
                    .multipart(text)
                    .singlepart(Attachment::new("meeting.ics".into()).body(ics.clone(), kind))
            }
        };
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .multipart(body)
            .map_err(|e| e.to_string())
    }
}
