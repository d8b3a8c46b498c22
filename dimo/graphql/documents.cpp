// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/graphql/documents.h"

#include "dimo/graphql/requests.h"

using namespace Qt::StringLiterals;

namespace dimo::graphql {
namespace {

QString locationSelection(const SignalField &s)
{
    return s.location ? u" { latitude longitude hdop }"_s : QString();
}

// The fixed documents, by service: every file embedded under :/dimo/graphql/<service>/.
const QList<QPair<QString, QStringList>> &shippedOperations()
{
    static const QList<QPair<QString, QStringList>> operations{
        {u"identity"_s,
         {u"VehicleSacd"_s,
          u"SharedVehicles"_s,
          u"VehicleDetails"_s,
          u"IntrospectionQuery"_s,
          u"GetVehicle"_s,
          u"ListVehicles"_s,
          u"GetAftermarketDevice"_s,
          u"DefinitionNames"_s}},
        {u"telemetry"_s,
         {u"AvailableSignals"_s,
          u"SignalsSnapshot"_s,
          u"DataSummary"_s,
          u"DataSummaryBrief"_s,
          u"VinCredential"_s,
          u"Attestations"_s,
          u"Events"_s,
          u"TripSegments"_s,
          u"DailyActivity"_s,
          u"LastSeen"_s}},
    };
    return operations;
}

} // namespace

Document shipped(const QString &service, const QString &operation)
{
    return Document{service, operation, load(u"%1/%2.graphql"_s.arg(service, operation))};
}

Document latestSignals(const QList<SignalField> &signalFields)
{
    QString selection = u"signalsLatest(tokenId: $tokenId, filter: $filter) { lastSeen"_s;
    for (const SignalField &s : signalFields) {
        selection += u" "_s + s.name + u" { timestamp value"_s + locationSelection(s) + u" }"_s;
    }
    return Document{u"telemetry"_s,
                    u"LatestSignals"_s,
                    u"query LatestSignals($tokenId: Int!, $filter: SignalFilter) { "_s + selection + u" } }"_s};
}

Document signalsTimeSeries(const QList<SignalField> &signalFields)
{
    QString selection =
        u"signals(tokenId: $tokenId, interval: $interval, from: $from, to: $to, filter: $filter) { timestamp"_s;
    for (const SignalField &s : signalFields) {
        selection += u" %1_%2: %1(agg: %2)%3"_s.arg(s.name, s.agg, locationSelection(s));
    }
    return Document{u"telemetry"_s,
                    u"SignalsTimeSeries"_s,
                    u"query SignalsTimeSeries($tokenId: Int!, $interval: String!, $from: Time!, $to: Time!, $filter: "
                    "SignalFilter) { "_s
                        + selection + u" } _seen: signalsLatest(tokenId: $tokenId) { lastSeen } }"_s};
}

Document commandEffect(const QString &signal)
{
    return Document{u"telemetry"_s,
                    u"CommandEffect"_s,
                    u"query CommandEffect($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { %1 { timestamp value } "
                    "} }"_s.arg(signal)};
}

QList<RegistryEntry> registry()
{
    QList<RegistryEntry> out;
    for (const auto &[service, operations] : shippedOperations()) {
        for (const QString &operation : operations) {
            out.append({u"%1/%2.graphql"_s.arg(service, operation), {shipped(service, operation)}});
        }
    }
    const SignalField speed{u"speed"_s, false, u"MAX"_s};
    const SignalField odometer{u"powertrainTransmissionTravelledDistance"_s, false, u"LAST"_s};
    const SignalField codes{u"obdDTCList"_s, false, u"UNIQUE"_s};
    const SignalField location{u"currentLocationCoordinates"_s, true, u"AVG"_s};
    out.append({u"latestSignals()"_s, {latestSignals({speed}), latestSignals({speed, odometer, codes, location})}});
    out.append({u"signalsTimeSeries()"_s,
                {signalsTimeSeries({speed}), signalsTimeSeries({speed, odometer, codes, location})}});
    out.append({u"commandEffect()"_s, {commandEffect(u"bodyLockIsLocked"_s), commandEffect(u"speed"_s)}});
    return out;
}

} // namespace dimo::graphql
