"""The admin CLI's commands, one module per group (:mod:`hq.cli` assembles them).

Each module lists its commands in ``COMMANDS`` (:class:`hq.commands.common.Command`:
name, help, arguments, handler) and imports only :mod:`hq.commands.common` from this
package.
"""
