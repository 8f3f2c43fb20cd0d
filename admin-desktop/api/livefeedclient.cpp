// SPDX-License-Identifier: MIT
#include "api/livefeedclient.h"

#include <variant>

#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocketHandshakeOptions>

#include "contract/livemessage.h"

namespace Proctor::Admin::Api {

LiveFeedClient::LiveFeedClient(QObject *parent) : QObject(parent)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &LiveFeedClient::open);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_delayMs = m_initialDelayMs;
        setState(State::Connected);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_running)
            scheduleReconnect();
        else
            setState(State::Disconnected);
    });
    // A refused or failed handshake reports an error without a disconnected() signal.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_running && m_socket.state() != QAbstractSocket::ConnectedState)
            scheduleReconnect();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LiveFeedClient::handleMessage);
}

LiveFeedClient::~LiveFeedClient()
{
    m_running = false;
    m_socket.blockSignals(true);
    m_socket.abort();
}

void LiveFeedClient::setBackoff(int initialMs, int maxMs)
{
    m_initialDelayMs = initialMs;
    m_maxDelayMs = maxMs;
    m_delayMs = initialMs;
}

void LiveFeedClient::start(const QUrl &url, const QByteArray &token)
{
    m_url = url;
    m_token = token;
    m_running = true;
    m_delayMs = m_initialDelayMs;
    m_reconnect.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    open();
}

void LiveFeedClient::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_socket.close();
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        setState(State::Disconnected);
}

void LiveFeedClient::open()
{
    if (!m_running)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("proctor.v1")});
    setState(m_state == State::Reconnecting ? State::Reconnecting : State::Connecting);
    m_socket.open(request, options);
}

void LiveFeedClient::scheduleReconnect()
{
    if (m_reconnect.isActive())
        return;
    setState(State::Reconnecting);
    // Full jitter keeps many desktops from reconnecting in lockstep after a collector restart.
    const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(m_delayMs / 4 + 1));
    m_reconnect.start(m_delayMs + jitter);
    m_delayMs = qMin(m_delayMs * 2, m_maxDelayMs);
}

void LiveFeedClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

namespace {
template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

void LiveFeedClient::handleMessage(const QString &text)
{
    const auto message = Contract::decodeLiveMessage(text.toUtf8());
    if (!message) {
        qWarning("live feed: message ignored: %s %s", qPrintable(message.error().pointer),
                 qPrintable(message.error().message));
        emit messageRejected(message.error().pointer, message.error().message);
        return;
    }
    // Every alternative has its handler: a new message type does not compile until it is handled here.
    std::visit(Overloaded{
                   [this](const Contract::SessionStarted &m) {
                       emit sessionStarted(uuidText(m.sessionId), m.kind, m.testId);
                   },
                   [this](const Contract::EventsAppended &m) {
                       for (const Contract::AppendedEvents &s : m.sessions)
                           emit eventsAppended(uuidText(s.sessionId), s.count, s.types);
                   },
                   [this](const Contract::ResultSaved &m) {
                       emit resultSaved(uuidText(m.sessionId), m.score, m.passed);
                   },
                   [this](const Contract::ApiKeyRevoked &m) {
                       emit apiKeyRevoked(QString::fromLatin1(m.hash.toHex()));
                   },
                   [this](const Contract::CandidateDeleted &m) {
                       QStringList ids;
                       for (const QString &id : m.sessionIds)
                           ids.append(id.toLower()); // the REST API's spelling, which models key rows by
                       emit candidateDeleted(m.candidateId, ids);
                   },
                   [this](const Contract::LoginThrottled &m) {
                       emit loginThrottled(m.email, m.address, m.failures, m.delaySeconds);
                   },
                   [this](const Contract::CertificateRevoked &m) {
                       emit certificateRevoked(m.number, uuidText(m.sessionId));
                   },
                   [this](const Contract::ReviewDecided &m) {
                       emit reviewDecided(uuidText(m.sessionId), m.state, m.previousState);
                   },
                   [this](const Contract::RiskRaised &m) { emit riskRaised(uuidText(m.sessionId), m.score); },
               },
               *message);
}

} // namespace Proctor::Admin::Api
