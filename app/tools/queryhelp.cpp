// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/queryhelp.h"

#include "app/tools/suggest.h"
#include "dimo/core/privileges.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace app::tools {

QList<int> privilegesForTelemetryDocument(const QString &document)
{
    QList<int> privileges;
    static const QRegularExpression precise(u"\\bcurrentLocationCoordinates\\b"_s);
    static const QRegularExpression approximate(u"\\bcurrentLocationApproximateCoordinates\\b"_s);
    static const QRegularExpression vin(u"\\bvinVCLatest\\b"_s);
    static const QRegularExpression data(u"\\b(signals|signalsLatest|availableSignals|signalsSnapshot|dataSummary|"
                                         "events|segments|dailyActivity)\\b"_s);
    static const QRegularExpression attestations(u"\\battestations\\b"_s);
    if (data.match(document).hasMatch()) {
        privileges << 1;
    }
    if (attestations.match(document).hasMatch()) { // telemetry-api: the cloud-event grant, no privilege bit
        privileges << dimo::privilege::AttestationEvents;
    }
    if (precise.match(document).hasMatch()) {
        privileges << 4;
    }
    if (approximate.match(document).hasMatch() && !privileges.contains(4)) {
        privileges << 8;
    }
    if (vin.match(document).hasMatch()) {
        privileges << 5;
    }
    if (privileges.isEmpty()) {
        privileges << 1;
    }
    std::sort(privileges.begin(), privileges.end());
    return privileges;
}

QString
explainSchemaError(const dimo::Error &error, const QString &service, const CompactSchema *schema, bool *schemaOutdated)
{
    if (error.detail.startsWith(u"Syntax Error"_s)) {
        return u"GraphQL syntax error: %1. Fix the document (check braces and quotes) and call %2_query again."_s.arg(
            error.detail, service);
    }
    QString text = u"GraphQL schema error detected. Please call %1_introspect first to see the available fields and "
                   "types, then correct your query.\nDIMO said: %2"_s.arg(
                       service, error.detail.isEmpty() ? error.message : error.detail);
    if (!schema) {
        return text;
    }
    QStringList hints;
    static const QRegularExpression field(u"Cannot query field \"(\\w+)\" on type \"(\\w+)\""_s);
    auto it = field.globalMatch(error.detail);
    while (it.hasNext()) {
        const auto m = it.next();
        const QStringList known = schema->fieldNames(m.captured(2));
        if (known.contains(m.captured(1)) && schemaOutdated) {
            *schemaOutdated = true;
        }
        QStringList close = closestNames(m.captured(1), known);
        // Fields DIMO removed (dimo-api README §5.6) have one replacement.
        static const QRegularExpression removedLocation(u"^currentLocation(Latitude|Longitude)$"_s);
        if (removedLocation.match(m.captured(1)).hasMatch()) {
            close.prepend(u"currentLocationCoordinates { value { latitude longitude } }"_s);
        }
        if (!close.isEmpty()) {
            hints << u"%1.%2:%3"_s.arg(m.captured(2), m.captured(1), didYouMean(close));
        }
    }
    static const QRegularExpression unknownType(u"Unknown type \"(\\w+)\""_s);
    auto types = unknownType.globalMatch(error.detail);
    while (types.hasNext()) {
        const auto m = types.next();
        const QStringList close = closestNames(m.captured(1), schema->typeNames());
        if (!close.isEmpty()) {
            hints << u"type %1:%2"_s.arg(m.captured(1), didYouMean(close));
        }
    }
    static const QRegularExpression unknownArg(u"Unknown argument \"(\\w+)\" on field \"(\\w+)\\.(\\w+)\""_s);
    auto argsIt = unknownArg.globalMatch(error.detail);
    while (argsIt.hasNext()) {
        const auto m = argsIt.next();
        hints << u"%1.%2 has no argument \"%3\"; see %4_introspect with type \"%1\""_s.arg(
            m.captured(2), m.captured(3), m.captured(1), service);
    }
    if (!hints.isEmpty()) {
        text += u"\nClosest valid names: "_s + hints.join(u"; "_s);
    }
    return text;
}

} // namespace app::tools
