// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/schemacache.h"

#include "dimo/client.h"
#include "dimo/graphql/graphqljob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace app::tools {

SchemaCache::SchemaCache(ClientGetter client, QString directory, std::function<QDateTime()> now, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_directory(std::move(directory))
    , m_now(std::move(now))
{}

QString SchemaCache::filePath(const QString &service, const QUrl &endpoint) const
{
    const QByteArray key = QCryptographicHash::hash(endpoint.toString().toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_directory + u"/schema-"_s + service + u"-"_s + QString::fromLatin1(key.left(12)) + u".json"_s;
}

SchemaPtr SchemaCache::cached(const QString &service) const
{
    return m_schemas.value(service);
}

void SchemaCache::invalidate(const QString &service)
{
    m_schemas.remove(service);
    QDir dir(m_directory);
    for (const QString &name : dir.entryList({u"schema-"_s + service + u"-*.json"_s}, QDir::Files)) {
        dir.remove(name);
    }
}

bool SchemaCache::loadFromDisk(const QString &service, const QUrl &endpoint)
{
    if (m_directory.isEmpty()) {
        return false;
    }
    QFile file(filePath(service, endpoint));
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QDateTime fetched = QDateTime::fromString(root.value(u"fetchedAt"_s).toString(), Qt::ISODate);
    const QJsonObject schema = root.value(u"schema"_s).toObject();
    if (!fetched.isValid() || fetched.secsTo(m_now()) > 86400 || fetched > m_now().addSecs(300) || schema.isEmpty()) {
        return false; // stale (a day old), from the future, or damaged: fetch again
    }
    auto compact = std::make_shared<const CompactSchema>(schema);
    if (compact->isEmpty()) {
        return false;
    }
    m_schemas.insert(service, compact);
    return true;
}

void SchemaCache::get(const QString &service, const QUrl &endpoint, Callback callback)
{
    if (const SchemaPtr s = m_schemas.value(service); s || loadFromDisk(service, endpoint)) {
        callback(m_schemas.value(service));
        return;
    }
    const bool started = m_waiting.contains(service);
    m_waiting[service].append(std::move(callback));
    if (!started) {
        fetch(service, endpoint);
    }
}

void SchemaCache::fetch(const QString &service, const QUrl &endpoint)
{
    const auto client = m_client();
    if (!client) {
        deliver(service, client.error());
        return;
    }
    ++m_fetches;
    auto *job = client.value()->introspect(service);
    connect(job, &dimo::GraphQlJob::finished, this, [this, service, endpoint](const dimo::Result<QJsonObject> &r) {
        if (!r) {
            deliver(service, r.error());
            return;
        }
        const QJsonObject schema = r.value().value(u"__schema"_s).toObject();
        auto compact = std::make_shared<const CompactSchema>(schema);
        if (compact->isEmpty()) {
            deliver(service,
                    dimo::Error::make(dimo::Error::Kind::Parse,
                                      u"DIMO's %1 introspection answer has no types"_s.arg(service)));
            return;
        }
        if (!m_directory.isEmpty() && QDir().mkpath(m_directory)) {
            QSaveFile file(filePath(service, endpoint));
            if (file.open(QIODevice::WriteOnly)) {
                const QJsonObject root{{u"fetchedAt"_s, m_now().toUTC().toString(Qt::ISODate)}, {u"schema"_s, schema}};
                file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
                file.commit();
            }
        }
        m_schemas.insert(service, compact);
        deliver(service, SchemaPtr(compact));
    });
}

void SchemaCache::deliver(const QString &service, const dimo::Result<SchemaPtr> &result)
{
    const QList<Callback> callbacks = m_waiting.take(service);
    for (const Callback &cb : callbacks) {
        cb(result);
    }
}

} // namespace app::tools
