// The baseline of the CLI benchmark: the time ExcelJS alone takes to read a workbook, nothing else.
import ExcelJS from 'exceljs';

await new ExcelJS.Workbook().xlsx.readFile(process.argv[2]);
