// `npm start`: the main job on the bundled sample workbook.
console.log('Alliance : la ligne de commande n’est pas encore construite (voir README).');
