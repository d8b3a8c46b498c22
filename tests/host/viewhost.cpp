// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "tests/host/viewhost.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace {

// The host page: the view in a sandboxed iframe, the bridge in the page's script.
const QString HostPage =
    uR"html(<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0;background:#eceff3">
<iframe id="view" sandbox="allow-scripts allow-same-origin" style="border:0;width:100%;height:100vh"></iframe>
<script>
window.calls = [];
window.startView = (html, args, result, callResult) => {
  const view = document.getElementById('view');
  const post = m => view.contentWindow.postMessage({ jsonrpc: '2.0', ...m }, '*');
  addEventListener('message', e => {
    const m = e.data;
    if (e.source !== view.contentWindow || !m || m.jsonrpc !== '2.0') return;
    if (m.method === 'ui/initialize') {
      post({ id: m.id, result: { protocolVersion: '2026-01-26',
        hostInfo: { name: 'dimo-tray test host', version: '1' }, hostCapabilities: { serverTools: {} },
        hostContext: { theme: 'light', displayMode: 'inline', platform: 'desktop' } } });
    } else if (m.method === 'ui/notifications/initialized') {
      post({ method: 'ui/notifications/tool-input', params: { arguments: args } });
      post({ method: 'ui/notifications/tool-result', params: result });
    } else if (m.method === 'tools/call') {
      window.calls.push(m.params);
      post({ id: m.id, result: callResult });
    } else if (m.method && m.id !== undefined) {
      post({ id: m.id, error: { code: -32601, message: 'not supported by the test host' } });
    }
  });
  view.srcdoc = html;
};
</script></body></html>)html"_s;

class Recorder : public QWebEngineUrlRequestInterceptor
{
public:
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        const QString scheme = info.requestUrl().scheme();
        if (scheme != u"data"_s && scheme != u"about"_s) {
            urls << info.requestUrl().toString();
        }
    }

    QStringList urls;
};

} // namespace

struct ViewHost::Private
{
    QWebEngineProfile profile; // off the record: nothing on disk
    Recorder recorder;
    QWebEnginePage *page = nullptr;
    QWebEngineView view;
};

ViewHost::ViewHost()
    : d(std::make_unique<Private>())
{
    d->profile.setUrlRequestInterceptor(&d->recorder);
    d->page = new QWebEnginePage(&d->profile, &d->view);
    d->view.setPage(d->page);
    d->view.resize(560, 360);
}

ViewHost::~ViewHost()
{
    d->view.setPage(nullptr);
    delete d->page;
}

bool ViewHost::start(const QString &html,
                     const QJsonObject &toolArguments,
                     const QJsonObject &toolResult,
                     const QJsonObject &callResult,
                     QString *why)
{
    QEventLoop loop;
    bool loaded = false;
    QObject::connect(d->page, &QWebEnginePage::loadFinished, &loop, [&](bool ok) {
        loaded = ok;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    d->page->setHtml(HostPage, QUrl(u"https://host.invalid/"_s));
    loop.exec();
    if (!loaded) {
        *why = u"the host page did not load"_s;
        return false;
    }
    const QJsonArray argv{html, toolArguments, toolResult, callResult};
    const QString json = QString::fromUtf8(QJsonDocument(argv).toJson(QJsonDocument::Compact));
    eval(u"startView(...%1), true"_s.arg(json));
    return true;
}

QVariant ViewHost::eval(const QString &script, int timeoutMs)
{
    QEventLoop loop;
    QVariant out;
    d->page->runJavaScript(script, [&](const QVariant &v) {
        out = v;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}

QString ViewHost::viewText(const QString &id)
{
    const QString script = uR"(((d) => { const e = d && d.getElementById(%1); return e ? e.textContent : ''; })(
        document.getElementById('view').contentDocument))"_s;
    const QString quoted =
        QString::fromUtf8(QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return eval(script.arg(quoted)).toString();
}

bool ViewHost::waitForText(const QString &id, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!viewText(id).isEmpty()) {
            return true;
        }
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}

QJsonArray ViewHost::toolCalls()
{
    return QJsonDocument::fromJson(eval(u"JSON.stringify(window.calls)"_s).toString().toUtf8()).array();
}

QStringList ViewHost::networkRequests() const
{
    return d->recorder.urls;
}

QWebEngineView *ViewHost::widget()
{
    return &d->view;
}
