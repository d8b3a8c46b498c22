// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The compact SDL on DIMO's real Identity and Telemetry schemas: complete (every type, field,
// argument and enum value named) and within its size bars. The introspection JSON is made at test
// time by tests/dimosim/tools/introspect-real.mjs from ../shared/dimo-api/schema (ctest fixture
// tools_real_schemas); without it the test skips. DIMOTRAY_DUMP_SDL=1 writes the renders next to it.

#include "app/tools/compactsdl.h"
#include "app/tools/signalcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace app::tools;

namespace {

bool containsWord(const QString &text, const QString &word)
{
    return QRegularExpression(u"\\b"_s + QRegularExpression::escape(word) + u"\\b"_s).match(text).hasMatch();
}

} // namespace

class TstToolsRealSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void realSchema_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("maxBytes");
        // The bars: telemetry within 20 KB, identity within 9 KB.
        QTest::newRow("telemetry") << u"telemetry"_s << 20000;
        QTest::newRow("identity") << u"identity"_s << 9000;
    }

    void realSchema()
    {
        QFETCH(QString, name);
        QFETCH(int, maxBytes);
        QFile file(QStringLiteral(DIMOTRAY_REAL_SCHEMA_DIR) + u"/"_s + name + u".json"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            QSKIP(qPrintable(u"no introspection JSON at %1: DIMO's real schemas (%2/%3) are not available, or the "
                             "ctest fixture tools_real_schemas (node, tests/dimosim/tools/introspect-real.mjs) did not "
                             "run"_s.arg(file.fileName(), QStringLiteral(DIMOTRAY_SHARED_SCHEMA_DIR), name)));
        }
        const QJsonObject introspection = QJsonDocument::fromJson(file.readAll())
                                              .object()
                                              .value(u"data"_s)
                                              .toObject()
                                              .value(u"__schema"_s)
                                              .toObject();
        QVERIFY(!introspection.isEmpty());
        const CompactSchema schema(introspection);
        const auto full = schema.render();
        QVERIFY(full.ok());
        const QString &sdl = full.value();
        const qsizetype bytes = sdl.toUtf8().size();
        qInfo().noquote() << u"%1_introspect_bytes: %2 (%3 KB; bar %4 KB; real schema %5 types)"_s.arg(name)
                                 .arg(bytes)
                                 .arg(bytes / 1000.0, 0, 'f', 1)
                                 .arg(maxBytes / 1000)
                                 .arg(introspection.value(u"types"_s).toArray().size());
        if (qEnvironmentVariableIsSet("DIMOTRAY_DUMP_SDL")) {
            QFile dump(QStringLiteral(DIMOTRAY_REAL_SCHEMA_DIR) + u"/"_s + name + u".sdl"_s);
            QVERIFY(dump.open(QIODevice::WriteOnly));
            dump.write(sdl.toUtf8());
        }
        QVERIFY2(bytes <= maxBytes, qPrintable(u"%1 bytes > %2"_s.arg(bytes).arg(maxBytes)));

        QStringList missing;
        for (const QJsonValue &t : introspection.value(u"types"_s).toArray()) {
            const QString typeName = t.toObject().value(u"name"_s).toString();
            // A conventional edge type is named by the legend's rule: XEdge for each X it lists, or
            // for an XConnection it names.
            const QString legend = sdl.section(u'\n', 0, 0).section(u"for X = "_s, 1);
            const bool conventionalEdge = typeName.endsWith(u"Edge"_s)
                && (containsWord(legend, typeName.chopped(4))
                    || containsWord(legend, typeName.chopped(4) + u"Connection"_s));
            if (!typeName.startsWith(u"__"_s) && !containsWord(sdl, typeName) && !conventionalEdge) {
                missing << typeName;
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"types missing from the full render: "_s + missing.join(u", "_s)));

        // Every field, argument, input field and enum value is named somewhere (the paging
        // arguments by the summary line's "...paging = first: Int, ..."); a deprecated field is
        // left out of the full render but shown when its type is asked for.
        QStringList missingMembers;
        for (const QJsonValue &t : introspection.value(u"types"_s).toArray()) {
            const QJsonObject type = t.toObject();
            const QString typeName = type.value(u"name"_s).toString();
            if (typeName.startsWith(u"__"_s)) {
                continue;
            }
            for (const char *key : {"fields", "inputFields", "enumValues"}) {
                for (const QJsonValue &m : type.value(QLatin1String(key)).toArray()) {
                    const QString member = m.toObject().value(u"name"_s).toString();
                    if (m.toObject().value(u"isDeprecated"_s).toBool()) {
                        const auto own = schema.render(typeName);
                        QVERIFY(own.ok());
                        if (!containsWord(*own, member)) {
                            missingMembers << typeName + u'.' + member + u" (deprecated)"_s;
                        }
                        continue;
                    }
                    if (!containsWord(sdl, member)) {
                        missingMembers << typeName + u'.' + member;
                    }
                    for (const QJsonValue &a : m.toObject().value(u"args"_s).toArray()) {
                        const QString arg = a.toObject().value(u"name"_s).toString();
                        if (!containsWord(sdl, arg)) {
                            missingMembers << typeName + u'.' + member + u'(' + arg + u')';
                        }
                    }
                }
            }
        }
        QVERIFY2(missingMembers.isEmpty(),
                 qPrintable(u"missing from the full render: "_s + missingMembers.join(u", "_s)));

        if (name == u"telemetry"_s) {
            const QStringList fields = schema.fieldNames(u"SignalCollection"_s);
            QCOMPARE(fields.size(), 118); // lastSeen + the 117 signals
            for (const QString &f : fields) {
                QVERIFY2(containsWord(sdl, f), qPrintable(f));
            }
            for (const SignalInfo &s : signalcatalog::all()) {
                QVERIFY2(fields.contains(s.name), qPrintable(u"catalog signal not in the schema: "_s + s.name));
            }
        }
        const auto narrowed = schema.render(u"Query"_s);
        QVERIFY(narrowed.ok());
        QVERIFY(narrowed->size() < sdl.size());
    }
};

QTEST_GUILESS_MAIN(TstToolsRealSchema)
#include "tst_toolsrealschema.moc"
