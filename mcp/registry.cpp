// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "mcp/registry.h"

#include "mcp/logging.h"
#include "mcp/schemavalidator.h"

namespace mcp {

Registry::Registry(QObject *parent)
    : QObject(parent)
{}

bool Registry::addTool(Tool tool)
{
    if (!Tool::isValidName(tool.name) || this->tool(tool.name) || !tool.handler) {
        qCWarning(lcMcp) << "rejected tool registration" << tool.name;
        return false;
    }
    // A schema the validator would misread must not be served: refuse the tool, loudly.
    for (const auto &[which, schema] :
         {std::pair{"inputSchema", tool.effectiveInputSchema()}, std::pair{"outputSchema", tool.outputSchema}}) {
        if (const auto problem = schema.isEmpty() ? std::nullopt : SchemaValidator::unsupported(schema)) {
            qCCritical(lcMcp).noquote() << "rejected tool" << tool.name << "- its" << which
                                        << "is not supported:" << *problem;
            return false;
        }
    }
    m_tools.append(std::move(tool));
    return true;
}

bool Registry::addResource(Resource resource)
{
    if (resource.uri.isEmpty() || this->resource(resource.uri) || !resource.read) {
        qCWarning(lcMcp) << "rejected resource registration" << resource.uri;
        return false;
    }
    m_resources.append(std::move(resource));
    return true;
}

bool Registry::addResourceTemplate(ResourceTemplate resourceTemplate)
{
    if (resourceTemplate.uriTemplate.isEmpty() || templateFor(resourceTemplate.uriTemplate) || !resourceTemplate.read) {
        qCWarning(lcMcp) << "rejected resource template registration" << resourceTemplate.uriTemplate;
        return false;
    }
    m_templates.append(std::move(resourceTemplate));
    return true;
}

bool Registry::addPrompt(Prompt prompt)
{
    if (prompt.name.isEmpty() || this->prompt(prompt.name) || !prompt.handler) {
        qCWarning(lcMcp) << "rejected prompt registration" << prompt.name;
        return false;
    }
    m_prompts.append(std::move(prompt));
    return true;
}

const Tool *Registry::tool(const QString &name) const
{
    for (const Tool &t : m_tools) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

const Resource *Registry::resource(const QString &uri) const
{
    for (const Resource &r : m_resources) {
        if (r.uri == uri) {
            return &r;
        }
    }
    return nullptr;
}

const Prompt *Registry::prompt(const QString &name) const
{
    for (const Prompt &p : m_prompts) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

const ResourceTemplate *Registry::templateFor(const QString &uriTemplate) const
{
    for (const ResourceTemplate &t : m_templates) {
        if (t.uriTemplate == uriTemplate) {
            return &t;
        }
    }
    return nullptr;
}

bool Registry::hasResource(const QString &uri) const
{
    if (resource(uri)) {
        return true;
    }
    for (const ResourceTemplate &t : m_templates) {
        if (t.match(uri)) {
            return true;
        }
    }
    return false;
}

void Registry::notifyResourceUpdated(const QString &uri)
{
    Q_EMIT resourceUpdated(uri);
}

} // namespace mcp
