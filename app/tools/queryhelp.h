// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/tools/compactsdl.h"
#include "dimo/core/error.h"

#include <QList>
#include <QString>

namespace app::tools {

// The privileges a Telemetry document needs (least privilege): 1 for non-location data, 4 for
// precise location, 8 for approximate location, 5 for the VIN credential.
QList<int> privilegesForTelemetryDocument(const QString &document);

// A GraphQL validation error, explained for a model: the old server's lead sentence, DIMO's
// messages, and the closest valid names from the cached schema ("did you mean …?").
// `schemaOutdated` is set when DIMO rejects a field the cached schema has (refresh the cache).
QString explainSchemaError(const dimo::Error &error,
                           const QString &service,
                           const CompactSchema *schema,
                           bool *schemaOutdated = nullptr);

} // namespace app::tools
