// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// DIMO's hosted Telemetry tools, by name and argument shape (dimo-api README §12): latest
// signals, time series, available signals, snapshot, data summary, VIN credential, attestations.
#include "app/tools/backend.h"
#include "app/tools/signalcatalog.h"
#include "app/tools/suggest.h"
#include "app/tools/telemetrycall.h"
#include "app/tools/timerules.h"
#include "app/tools/toolkit.h"
#include "app/tools/views.h"
#include "dimo/core/privileges.h"
#include "mcp/schema.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
namespace schema = mcp::schema;

namespace app::tools {

namespace {

constexpr int MaxSignalsPerCall = 30; // DIMO's query complexity limit (100) allows about 32

QJsonObject filterSchema()
{
    return QJsonObject{{u"type"_s, u"object"_s}}; // SignalFilter (telemetry_introspect)
}

dimo::graphql::SignalField field(const SignalInfo &s, const QString &agg = {})
{
    return dimo::graphql::SignalField{s.name, s.kind == SignalKind::Location, agg};
}

dimo::graphql::Document telemetryDocument(const QString &operation)
{
    return dimo::graphql::shipped(u"telemetry"_s, operation);
}

} // namespace

dimo::Result<TelemetryCall> latestSignalsCall(const QJsonObject &arguments)
{
    QStringList names;
    for (const QJsonValue &v : arguments.value(u"signalNames"_s).toArray()) {
        names << v.toString();
    }
    if (names.size() > MaxSignalsPerCall) {
        return dimo::Error::make(
            dimo::Error::Kind::InvalidInput,
            u"%1 signal names are too many for one call (at most %2)"_s.arg(names.size()).arg(MaxSignalsPerCall),
            u"Split the names over several calls, or use telemetry_get_signals_snapshot for all."_s);
    }
    const auto resolved = signalcatalog::resolve(names);
    if (!resolved) {
        return resolved.error();
    }
    QList<dimo::graphql::SignalField> fields;
    for (const SignalInfo &s : resolved.value()) {
        fields << field(s);
    }
    const QList<SignalInfo> &list = resolved.value();
    return TelemetryCall{
        0, dimo::graphql::latestSignals(fields), {}, signalcatalog::privileges(list), [list](const QJsonObject &data) {
            const QJsonObject latest = data.value(u"signalsLatest"_s).toObject();
            QJsonObject values;
            QJsonArray noData;
            for (const SignalInfo &s : list) {
                const QJsonObject v = latest.value(s.name).toObject();
                if (v.isEmpty()) {
                    noData.append(s.name);
                    continue;
                }
                QJsonObject entry{{u"value"_s, v.value(u"value"_s)}, {u"timestamp"_s, v.value(u"timestamp"_s)}};
                if (!s.unit.isEmpty()) {
                    entry.insert(u"unit"_s, s.unit);
                }
                values.insert(s.name, entry);
            }
            QJsonObject out{{u"signals"_s, values}};
            if (!noData.isEmpty()) {
                out.insert(u"noData"_s, noData);
            }
            return out;
        }};
}

namespace {

dimo::Result<TelemetryCall> timeSeries(const QJsonObject &arguments)
{
    const auto interval = validateInterval(arguments.value(u"interval"_s).toString());
    if (!interval) {
        return interval.error();
    }
    const auto range = parseTimeRange(arguments.value(u"from"_s).toString(), arguments.value(u"to"_s).toString());
    if (!range) {
        return range.error();
    }
    const QJsonArray requests = arguments.value(u"signalRequests"_s).toArray();
    if (requests.isEmpty() || requests.size() > MaxSignalsPerCall) {
        return dimo::Error::make(
            dimo::Error::Kind::InvalidInput,
            u"signalRequests needs 1 to %1 entries such as {\"name\": \"speed\", \"agg\": \"AVG\"}"_s.arg(
                MaxSignalsPerCall));
    }
    QStringList names;
    for (const QJsonValue &r : requests) {
        names << r.toObject().value(u"name"_s).toString();
    }
    const auto resolved = signalcatalog::resolve(names);
    if (!resolved) {
        return resolved.error();
    }
    QList<dimo::graphql::SignalField> fields;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const SignalInfo &s = resolved.value().at(i);
        const QString agg = requests.at(i).toObject().value(u"agg"_s).toString().toUpper();
        const QStringList allowed = signalcatalog::aggregations(s.kind);
        if (!allowed.contains(agg)) {
            return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                     u"aggregation \"%1\" does not apply to %2"_s.arg(agg, s.name),
                                     u"Use one of %1."_s.arg(allowed.join(u", "_s)));
        }
        fields << field(s, agg);
    }
    const QJsonObject variables{
        {u"interval"_s, interval.value()}, {u"from"_s, range.value().fromText()}, {u"to"_s, range.value().toText()}};
    return TelemetryCall{0,
                         dimo::graphql::signalsTimeSeries(fields),
                         variables,
                         signalcatalog::privileges(resolved.value()),
                         [](const QJsonObject &data) {
                             return QJsonObject{{u"rows"_s, data.value(u"signals"_s)}};
                         }};
}

TelemetryCall plain(const QString &operation, QList<int> privileges, const QString &field)
{
    return TelemetryCall{0, telemetryDocument(operation), {}, std::move(privileges), [field](const QJsonObject &data) {
                             return QJsonObject{{field, data.value(field)}};
                         }};
}

} // namespace

QList<ToolSpec> telemetryTools(Backend &backend)
{
    const QJsonObject filter = filterSchema();
    QList<ToolSpec> tools;
    tools << telemetryTool(
        u"telemetry_get_latest_signals"_s,
        u"Latest signals"_s,
        u"Latest values of signals (e.g. speed, currentLocationCoordinates) with their age."_s,
        {{u"signalNames"_s, schema::array({}, schema::string({}, {}, MaxSuggestedNameLength), MaxSignalsPerCall)},
         {u"filter"_s, filter}},
        {u"signalNames"_s},
        backend,
        latestSignalsCall,
        ToolSpec::Essential);
    tools.last().tool.extensionMeta.insert(QString::fromUtf16(views::ExtensionId), views::cardToolMeta());
    tools << telemetryTool(
        u"telemetry_get_signals_time_series"_s,
        u"Signal time series"_s,
        u"Signal aggregates per interval, at most 31 days."_s,
        {{u"interval"_s, schema::string(u"Bucket size: 5m, 1h, 24h (no days)"_s)},
         {u"from"_s, schema::string({})},
         {u"to"_s, schema::string({})},
         {u"signalRequests"_s,
          schema::array(u"[{name, agg: AVG MED MAX MIN RAND FIRST LAST; strings TOP UNIQUE}]"_s,
                        QJsonObject{{u"type"_s, u"object"_s}, {u"required"_s, QJsonArray{u"name"_s, u"agg"_s}}},
                        MaxSignalsPerCall)},
         {u"filter"_s, filter}},
        {u"interval"_s, u"from"_s, u"to"_s, u"signalRequests"_s},
        backend,
        timeSeries,
        ToolSpec::Essential);
    tools.last().tool.extensionMeta.insert(QString::fromUtf16(views::ExtensionId),
                                           views::toolMeta(QString::fromUtf16(views::TimeSeriesUri)));
    tools << telemetryTool(u"telemetry_get_available_signals"_s,
                           u"Available signals"_s,
                           u"Names of the signals with data for the vehicle."_s,
                           {{u"filter"_s, filter}},
                           {},
                           backend,
                           [](const QJsonObject &) -> dimo::Result<TelemetryCall> {
                               return plain(u"AvailableSignals"_s, {1}, u"availableSignals"_s);
                           });
    tools << telemetryTool(u"telemetry_get_signals_snapshot"_s,
                           u"Signals snapshot"_s,
                           u"Every signal's latest value (no location)."_s,
                           {{u"filter"_s, filter}},
                           {},
                           backend,
                           [](const QJsonObject &) -> dimo::Result<TelemetryCall> {
                               return plain(u"SignalsSnapshot"_s, {1}, u"signalsSnapshot"_s);
                           });
    tools << telemetryTool(
        u"vehicle_data_summary"_s,
        u"Vehicle data summary"_s,
        u"Signal and event counts, first and last seen."_s,
        {{u"filter"_s, filter}},
        {},
        backend,
        [](const QJsonObject &) -> dimo::Result<TelemetryCall> {
            return plain(u"DataSummary"_s, {1}, u"dataSummary"_s);
        },
        ToolSpec::Essential);
    tools.last().tool.extensionMeta.insert(QString::fromUtf16(views::ExtensionId), views::cardToolMeta());
    tools << telemetryTool(u"telemetry_get_vin_credential"_s,
                           u"VIN credential"_s,
                           u"The latest VIN credential (null if none; see attestation_create)."_s,
                           {},
                           {},
                           backend,
                           [](const QJsonObject &) -> dimo::Result<TelemetryCall> {
                               return TelemetryCall{
                                   0, telemetryDocument(u"VinCredential"_s), {}, {1, 5}, [](const QJsonObject &data) {
                                       QJsonValue credential = data.value(u"vinVCLatest"_s);
                                       if (credential.isObject()) { // the read-back's field, not this tool's
                                           QJsonObject o = credential.toObject();
                                           o.remove(u"vehicleTokenId"_s);
                                           credential = o;
                                       }
                                       return QJsonObject{{u"vinCredential"_s, credential}};
                                   }};
                           });
    tools << telemetryTool(u"telemetry_get_attestations"_s,
                           u"Attestations"_s,
                           u"Attestations (signed statements) about the vehicle."_s,
                           {{u"subject"_s, schema::string({})}, {u"filter"_s, QJsonObject{{u"type"_s, u"object"_s}}}},
                           {},
                           backend,
                           [](const QJsonObject &arguments) -> dimo::Result<TelemetryCall> {
                               TelemetryCall call{
                                   0,
                                   telemetryDocument(u"Attestations"_s),
                                   {},
                                   {dimo::privilege::AttestationEvents},
                                   [](const QJsonObject &data) {
                                       return QJsonObject{{u"attestations"_s, data.value(u"attestations"_s)}};
                                   }};
                               if (arguments.contains(u"subject"_s)) {
                                   call.variables.insert(u"subject"_s, arguments.value(u"subject"_s));
                               }
                               return call;
                           });
    return tools;
}

} // namespace app::tools
