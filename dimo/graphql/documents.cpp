// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/graphql/documents.h"

#include <QFile>

using namespace Qt::StringLiterals;

static void initDimoGraphQlResources()
{
    Q_INIT_RESOURCE(dimo_graphql);
}

namespace dimo::GraphQlDocuments {

QString load(const QString &relativePath)
{
    static const bool once = [] {
        initDimoGraphQlResources();
        return true;
    }();
    Q_UNUSED(once);
    QFile f(u":/dimo/graphql/"_s + relativePath);
    const bool opened = f.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "GraphQlDocuments::load", "missing embedded .graphql document");
    return opened ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace dimo::GraphQlDocuments
