// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Every GraphQL document the product sends, from dimo::graphql::registry() (each shipped file and
// each builder with representative arguments), validated against DIMO's real schemas in
// ../shared/dimo-api/schema by tests/dimosim/tools/validate-documents.mjs (skips without them).
// An embedded .graphql file that no registry entry names fails here.

#include "dimo/graphql/documents.h"
#include "dimo/graphql/requests.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TstDimoDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void everyShippedFileIsRegistered()
    {
        dimo::graphql::load(u"identity/VehicleSacd.graphql"_s); // registers the embedded resource
        QSet<QString> registered;
        for (const auto &entry : dimo::graphql::registry()) {
            QVERIFY2(!entry.samples.isEmpty(), qPrintable(entry.name));
            registered.insert(entry.name);
            for (const auto &d : entry.samples) {
                QVERIFY2(!d.text.isEmpty(), qPrintable(entry.name));
                QVERIFY2(QRegularExpression(u"\\bquery "_s + d.operation + u"\\b"_s).match(d.text).hasMatch(),
                         qPrintable(entry.name));
            }
        }
        QStringList files;
        QDirIterator it(u":/dimo/graphql"_s, {u"*.graphql"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files << it.next().mid(QStringLiteral(":/dimo/graphql/").size());
        }
        QVERIFY(files.size() >= 10);
        for (const QString &f : files) {
            QVERIFY2(registered.contains(f), qPrintable(f + u" is not in dimo::graphql::registry()"_s));
        }
    }

    void contractOfEveryDocument()
    {
        QJsonArray documents;
        for (const auto &entry : dimo::graphql::registry()) {
            for (const auto &d : entry.samples) {
                documents.append(
                    QJsonObject{{u"service"_s, d.service}, {u"query"_s, d.text}, {u"operationName"_s, d.operation}});
            }
        }
        QTemporaryDir dir;
        QFile file(dir.filePath(u"documents.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(documents).toJson());
        file.close();
        QProcess node;
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(
            qEnvironmentVariable("NODE_EXECUTABLE", u"node"_s),
            {QStringLiteral(DIMOTRAY_SOURCE_DIR "/tests/dimosim/tools/validate-documents.mjs"), file.fileName()});
        QVERIFY2(node.waitForFinished(60000) && node.exitStatus() == QProcess::NormalExit,
                 qPrintable(node.errorString()));
        const QString why = QString::fromUtf8(node.readAll()).trimmed();
        qInfo().noquote() << why;
        if (node.exitCode() == 3) {
            QSKIP(qPrintable(why));
        }
        QVERIFY2(node.exitCode() == 0, qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TstDimoDocuments)
#include "tst_dimo_documents.moc"
