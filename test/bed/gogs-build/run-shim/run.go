// Package run is the subset of github.com/sourcegraph/run that Gogs v0.14.3 calls:
// run.Cmd(ctx, parts...).Run().Wait() and run.Arg. Like the original, the parts are joined and
// interpreted by a shell.
package run

import (
	"context"
	"os/exec"
	"strings"
)

// Arg quotes a value for the shell.
func Arg(v string) string { return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'" }

// Command is a shell command line.
type Command struct {
	ctx  context.Context
	line string
}

// Output is the result of a started command.
type Output interface{ Wait() error }

type output struct{ err error }

func (o output) Wait() error { return o.err }

// Cmd joins the parts into one shell command line.
func Cmd(ctx context.Context, parts ...string) *Command {
	return &Command{ctx: ctx, line: strings.Join(parts, " ")}
}

// Run runs the command to completion.
func (c *Command) Run() Output {
	return output{err: exec.CommandContext(c.ctx, "sh", "-c", c.line).Run()}
}
