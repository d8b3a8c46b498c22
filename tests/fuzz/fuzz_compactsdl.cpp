// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: rendering an introspection result as compact SDL (app::tools::CompactSchema),
// what the introspection tools send to the model. The input is "<__schema JSON>\0<type>\0<search>"
// (the JSON may also be a whole introspection answer with data.__schema). Invariants: no crash or
// hang on any schema (self-referencing types, deep type wrappers, huge names); a successful render
// is non-empty, an error says why.
#include "app/tools/compactsdl.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>

#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto [json, rest] = fuzz::split(input);
    const auto [type, search] = fuzz::split(rest);
    QJsonObject schema = QJsonDocument::fromJson(json).object();
    if (schema.contains(u"data"_s)) {
        schema = schema.value(u"data"_s).toObject().value(u"__schema"_s).toObject();
    }
    const app::tools::CompactSchema compact(schema);
    (void)compact.typeNames();
    (void)compact.allFieldNames();
    const auto rendered = compact.render(QString::fromUtf8(type), QString::fromUtf8(search));
    if (rendered) {
        fuzz::check(!rendered.value().isEmpty() || compact.isEmpty(), "a render of a non-empty schema says something");
    } else {
        fuzz::check(!rendered.error().message.isEmpty(), "a failed render says why");
    }
    return 0;
}
