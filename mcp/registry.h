// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mcp/prompt.h"
#include "mcp/resource.h"
#include "mcp/tool.h"

#include <QList>
#include <QObject>

namespace mcp {

/// The tools, resources and prompts every session of a Server serves. Register everything
/// before clients connect: lists are static and served in registration order, on one page.
class Registry : public QObject
{
    Q_OBJECT
public:
    explicit Registry(QObject *parent = nullptr);

    /// False (and a warning) for an invalid or duplicate name or a missing handler; false and a
    /// critical log when inputSchema or outputSchema uses a JSON Schema keyword or form the
    /// validator does not support (SchemaValidator::unsupported(), listed in mcp/README.md).
    bool addTool(Tool tool);
    bool addResource(Resource resource);
    bool addResourceTemplate(ResourceTemplate resourceTemplate);
    bool addPrompt(Prompt prompt);

    const QList<Tool> &tools() const { return m_tools; }

    const QList<Resource> &resources() const { return m_resources; }

    const QList<ResourceTemplate> &resourceTemplates() const { return m_templates; }

    const QList<Prompt> &prompts() const { return m_prompts; }

    const Tool *tool(const QString &name) const;
    const Resource *resource(const QString &uri) const;
    const Prompt *prompt(const QString &name) const;
    const ResourceTemplate *templateFor(const QString &uriTemplate) const;
    /// True when \a uri is a static resource or matches a template.
    bool hasResource(const QString &uri) const;

    /// Tells subscribed sessions that \a uri changed (`notifications/resources/updated`).
    void notifyResourceUpdated(const QString &uri);

Q_SIGNALS:
    void resourceUpdated(const QString &uri);

private:
    QList<Tool> m_tools;
    QList<Resource> m_resources;
    QList<ResourceTemplate> m_templates;
    QList<Prompt> m_prompts;
};

} // namespace mcp
