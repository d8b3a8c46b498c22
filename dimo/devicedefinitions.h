// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dimo/core/result.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace dimo::devicedefinitions {

struct Search
{
    QString query; // free text (required)
    QString makeSlug; // e.g. "tesla"
    QString modelSlug; // e.g. "model-3"
    int year = 0; // 0 = any
    int page = 0; // 0 = server default (1)
    int pageSize = 0; // 0 = server default (20)
};

// {"vin": "...", "countryCode": "USA"}: 17-character VIN (no I, O, Q), ISO 3166-1 alpha-3 country.
Result<QByteArray> decodeVinBody(const QString &vin, const QString &countryCode);
Result<QUrlQuery> searchQuery(const Search &search);
// "tesla_model-3_2023" → slug rules of §8.3.
QString slug(const QString &text);

} // namespace dimo::devicedefinitions
