package main

import (
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
)

// openAsesor opens the assessor's workspace <data>/asesor for the CLI
// (cli.Env.OpenAsesor) and the GUI (app.Deps.OpenAsesor): one service,
// storage/asesorsvc.
var openAsesor = asesorsvc.Opener(assets.Library)
