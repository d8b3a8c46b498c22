// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace dimo::GraphQlDocuments {

// The text of a document shipped in dimo/graphql/ (embedded as the qrc prefix /dimo/graphql),
// e.g. load(u"identity/VehicleSacd.graphql"). Every GraphQL document the library sends is one of
// these files, so the contract test can validate them against DIMO's real schema.
QString load(const QString &relativePath);

} // namespace dimo::GraphQlDocuments
