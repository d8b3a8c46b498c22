// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

// Every GraphQL document the product sends (dimo/graphql/requests.h says where they go). A fixed
// document is a file dimo/graphql/<service>/<operation>.graphql; a document whose selection the
// caller chooses (which signals, which aggregation) comes from one builder here, its fixed parts in
// the builder. registry() lists them all for the contract test (tests/dimo/tst_dimo_documents),
// and tests/checks/graphql-documents.sh keeps inline documents out of app/ and ui/.
namespace dimo::graphql {

// A document, with the service it is for and the name of its (only) operation.
struct Document
{
    QString service; // "identity" or "telemetry"
    QString operation; // "Events"
    QString text;
};

// A fixed document: <service>/<operation>.graphql.
Document shipped(const QString &service, const QString &operation);

// One signal in a selection built from the caller's choice: a field of SignalCollection.
struct SignalField
{
    QString name; // "speed" — a catalog name (app::tools::signalcatalog), never raw user text
    bool location = false; // a location signal selects { latitude longitude hdop }
    QString agg; // signalsTimeSeries only: "AVG", "MAX", …
};

// telemetry LatestSignals($tokenId, $filter): signalsLatest { lastSeen <each signal> }.
Document latestSignals(const QList<SignalField> &signalFields);
// telemetry SignalsTimeSeries($tokenId, $interval, $from, $to, $filter): signals { timestamp
// <name>_<agg>: <name>(agg: <agg>) … } plus _seen: signalsLatest { lastSeen }.
Document signalsTimeSeries(const QList<SignalField> &signalFields);
// telemetry CommandEffect($tokenId): signalsLatest { <signal> { timestamp value } }.
Document commandEffect(const QString &signal);

// One registry entry: a shipped file or a builder, with representative documents it produces.
struct RegistryEntry
{
    QString name; // "telemetry/Events.graphql" or "latestSignals()"
    QList<Document> samples;
};

// Every shipped file and every builder (with representative arguments). A new document or builder
// is added here; the contract test validates each sample against DIMO's real schema and fails on
// an embedded .graphql file that no entry names.
QList<RegistryEntry> registry();

} // namespace dimo::graphql
